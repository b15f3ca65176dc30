// @vitest-environment node
// Pure parts of the download; node, whose Blob reads back (jsdom's cannot).
import { describe, expect, it } from 'vitest';
import { DownloadOutput } from '@/features/transfers/download/download-output';
import { DownloadError, downloadMessage, isRetryable } from '@/features/transfers/download/download-errors';
import { checkRangeAnswer, contentMd5Hex } from '@/features/transfers/download/range-fetch';
import { blobSink, downloadFileName } from '@/features/transfers/download/sinks';
import { ApiError } from '@/lib/api-error';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('DownloadOutput', () => {
  it('gathers pieces into blocks for the writer and the hasher, in order', async () => {
    const written: number[][] = [];
    const hashed: number[][] = [];
    const output = new DownloadOutput(
      { write: (bytes) => (written.push([...bytes]), Promise.resolve()) },
      { update: (bytes) => (hashed.push([...bytes]), Promise.resolve()) },
      { blockSize: 4, maxPending: 100 },
    );
    output.push(new Uint8Array([1, 2, 3]));
    output.push(new Uint8Array([4, 5, 6, 7, 8, 9, 10]));
    await output.flush();
    expect(written).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
    expect(hashed).toEqual(written);
    expect(output.bytesIn).toBe(10);
  });

  it('makes the network wait while the writer lags more than maxPending behind', async () => {
    const gate = deferred();
    const output = new DownloadOutput({ write: () => gate.promise }, { update: () => Promise.resolve() }, { blockSize: 4, maxPending: 8 });
    output.push(new Uint8Array(8)); // two blocks, both waiting for the writer
    let roomy = false;
    const room = output.room().then(() => (roomy = true));
    await Promise.resolve();
    expect(roomy).toBe(false);
    gate.resolve();
    await room;
    expect(roomy).toBe(true);
  });

  it('reports a writer failure to the next caller', async () => {
    const output = new DownloadOutput({ write: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')) }, { update: () => Promise.resolve() }, { blockSize: 2, maxPending: 100 });
    output.push(new Uint8Array(2));
    await expect(output.flush()).rejects.toThrow('disk full');
    expect(() => output.push(new Uint8Array(1))).toThrow('disk full');
  });
});

describe('checkRangeAnswer', () => {
  const request = { index: 1, start: 10, end: 19 };
  it('accepts the range asked for', () => {
    expect(() => checkRangeAnswer(206, 'bytes 10-19/25', request, 25, 'cirros')).not.toThrow();
  });
  it.each([
    [204, null, 'no-data'],
    [200, null, 'range-ignored'],
    [206, null, 'range-ignored'],
    [206, 'bytes 10-14/15', 'size-changed'],
    [206, 'bytes 0-9/25', 'size-changed'],
  ])('%i with %s is %s', (status, header, problem) => {
    expect(() => checkRangeAnswer(status, header, request, 25, 'cirros')).toThrow(expect.objectContaining({ problem }) as Error);
  });
});

describe('contentMd5Hex', () => {
  it('reads Glance’s hex and RFC 1864 base64', () => {
    expect(contentMd5Hex('7134E53F5E67A4A1DCC2012FB138C6B9')).toBe('7134e53f5e67a4a1dcc2012fb138c6b9');
    expect(contentMd5Hex('1B2M2Y8AsgTpgAmY7PhCfg==')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(contentMd5Hex('not an md5')).toBeNull();
    expect(contentMd5Hex(null)).toBeNull();
  });
});

describe('download errors', () => {
  it('retries network failures, 5xx, 408 and 429, not other answers', () => {
    expect(isRetryable(new TypeError('network error'))).toBe(true);
    expect(isRetryable(new ApiError({ status: 0, service: 'glance', kind: 'network', message: 'x' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 503, service: 'glance', message: 'x' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 429, service: 'glance', message: 'x' }))).toBe(true);
    expect(isRetryable(new ApiError({ status: 404, service: 'glance', message: 'x' }))).toBe(false);
    expect(isRetryable(new DownloadError('deactivated', 'x', false))).toBe(false);
    expect(isRetryable(new DownloadError('stalled', 'x', true))).toBe(true);
  });

  it('says what happened and what to do', () => {
    expect(downloadMessage('cirros', new ApiError({ status: 403, service: 'glance', message: 'The requested image has been deactivated. Image data download is forbidden.' }))).toMatch(
      /^cirros is deactivated: .*403.*Ask an administrator to reactivate it/,
    );
    expect(downloadMessage('cirros', new TypeError('network error'))).toMatch(/press Retry: the download continues where it stopped/);
    expect(downloadMessage('cirros', new ApiError({ status: 404, service: 'glance', message: 'No image found with ID x' }))).toBe('Downloading cirros: Not found. No image found with ID x');
  });
});

describe('sinks', () => {
  it('names the file after the image and its disk format, without characters file systems refuse', () => {
    expect(downloadFileName('cirros', 'qcow2')).toBe('cirros.qcow2');
    expect(downloadFileName('ubuntu.iso', 'iso')).toBe('ubuntu.iso');
    expect(downloadFileName('a/b:c\u0001', null)).toBe('a_b_c_.img');
    expect(downloadFileName('..', 'raw')).toBe('image.raw');
  });

  it('the Blob fallback copies each piece and hands one Blob to the browser on close', async () => {
    const saved: { blob: Blob; name: string }[] = [];
    const sink = blobSink('cirros.raw', (blob, name) => saved.push({ blob, name }));
    const piece = new Uint8Array([1, 2, 3]);
    await sink.write(piece);
    piece.fill(9); // the caller reuses its buffer
    await sink.write(new Uint8Array([4]));
    await sink.close();
    const [only, ...others] = saved;
    expect(others).toEqual([]);
    expect(only?.name).toBe('cirros.raw');
    expect([...new Uint8Array((await only?.blob.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual([1, 2, 3, 4]);
  });
});
