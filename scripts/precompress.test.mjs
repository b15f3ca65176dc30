// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.mjs';

const dir = mkdtempSync(join(tmpdir(), 'loupe-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz copies of compressible files worth it, which decompress to the original', () => {
    mkdirSync(join(dir, 'assets'));
    const js = 'export const words = "' + 'loupe glance image '.repeat(500) + '";\n';
    writeFileSync(join(dir, 'assets', 'app.js'), js);
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'index.html'), `<base href="/">${js}`);
    const written = precompressDir(dir).map((entry) => entry.file.slice(dir.length + 1));
    expect(written.sort()).toEqual(['assets/app.js.br', 'assets/app.js.gz']);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'app.js.br'))).toString()).toBe(js);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app.js.gz'))).toString()).toBe(js);
    expect(existsSync(join(dir, 'assets', 'logo.png.br'))).toBe(false);
  });
});
