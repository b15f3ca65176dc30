// The hash worker (a module worker bundled by Vite as its own same-origin file, so the strict
// CSP allows it; WebAssembly needs 'wasm-unsafe-eval' in script-src).
import { createHashWorkerCore } from '@/features/transfers/api/hash-worker-core';
import type { HashRequest, HashResponse } from '@/features/transfers/api/hash-protocol';

const scope = self as unknown as {
  postMessage(message: HashResponse): void;
  onmessage: ((event: MessageEvent<HashRequest>) => void) | null;
};
const handle = createHashWorkerCore((response) => scope.postMessage(response));
scope.onmessage = (event) => handle(event.data);
