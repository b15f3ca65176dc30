import { spawn, type ChildProcess } from 'node:child_process';

/** Starts another scripts/serve.mjs (e.g. with a broken config or a dead Keystone) for one test. */
export async function startServer(port: number, args: string[]): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--no-build', '--quiet', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`serve.mjs exited: ${stderr}`);
    try {
      await fetch(`${url}/config.json`);
      return { url, stop: () => child.kill() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`serve.mjs did not start on ${port}: ${stderr}`);
}
