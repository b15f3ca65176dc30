import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small HTTP proxy a test puts in front of Loupe's server (and so in front of its /glance
// proxy): the page is opened at the proxy's origin, so all of Loupe's Glance traffic crosses it.
// It forwards everything, and for the answers `dropAfter` picks it sends that many bytes of the
// body, then closes the connection: a real dropped connection, mid-body, as the browser sees it.

export interface ProxiedRequest {
  method: string;
  path: string;
  range: string | undefined;
  /** Set when this answer was cut: the bytes of the body that were sent before closing. */
  droppedAfter?: number;
}

export interface DroppingProxy {
  url: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** `dropAfter` returns the body bytes to let through before closing, or undefined to forward in full. */
export async function startDroppingProxy(target: string, dropAfter: (request: IncomingMessage) => number | undefined): Promise<DroppingProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const server = http.createServer((request, response) => {
    const record: ProxiedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', range: request.headers.range };
    requests.push(record);
    const cut = dropAfter(request);
    const headers = { ...request.headers, host: upstream.host };
    const outgoing = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      if (cut === undefined) {
        answer.pipe(response);
        return;
      }
      let sent = 0;
      answer.on('data', (data: Buffer) => {
        if (sent >= cut) return;
        const part = data.subarray(0, cut - sent);
        sent += part.byteLength;
        if (sent < cut) {
          response.write(part);
          return;
        }
        record.droppedAfter = sent;
        // Once the last allowed bytes are handed to the kernel, close the socket under the answer.
        response.write(part, () => {
          answer.destroy();
          response.socket?.destroy();
        });
      });
      answer.on('end', () => {
        if (sent < cut) response.end();
      });
    });
    outgoing.on('error', () => response.destroy());
    request.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
