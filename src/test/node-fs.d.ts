// Unit tests run in Node, but the app's tsconfig has no Node types (so app code cannot use
// Node by mistake). The few file-system calls the metadefs tests need are declared here.
declare module 'node:fs' {
  export function existsSync(path: string): boolean;
  export function readdirSync(path: string): string[];
  export function readFileSync(path: string, encoding: 'utf8'): string;
}
declare module 'node:path' {
  export function join(...parts: string[]): string;
}
