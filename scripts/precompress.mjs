// Writes Brotli (.br) and gzip (.gz) copies next to each compressible file of a built bundle, so
// a static server sends them as they are (nginx gzip_static/brotli_static, scripts/serve.mjs)
// instead of compressing on every request or not at all. Used by vite.config.ts after a build.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map', '.wasm']);
/** Below this, the compressed copy saves less than a packet; not worth a second file. */
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Compresses every compressible file of `dir` at the highest levels; returns what it wrote. */
export function precompressDir(dir) {
  const written = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file)) || statSync(file).size < MIN_BYTES) continue;
    // index.html is edited per deployment (its <base href>): a copy would go stale.
    if (basename(file) === 'index.html') continue;
    const bytes = readFileSync(file);
    const copies = {
      '.br': brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      '.gz': gzipSync(bytes, { level: 9 }),
    };
    for (const [suffix, compressed] of Object.entries(copies)) {
      // A copy that is not smaller would only cost the client time.
      if (compressed.length >= bytes.length) continue;
      writeFileSync(file + suffix, compressed);
      written.push({ file: file + suffix, bytes: compressed.length, of: bytes.length });
    }
  }
  return written;
}

/** The vite plugin: precompresses the output directory once the bundle is written. */
export function precompress() {
  let outDir;
  return {
    name: 'loupe-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
