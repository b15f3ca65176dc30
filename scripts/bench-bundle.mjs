#!/usr/bin/env node
// Prints the built bundle's weight: every chunk raw, gzip and Brotli (the sizes of the
// precompressed copies the build writes, which is what a server sends), and what the first
// page (the login route) loads: index.html plus the scripts and styles it references.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ensureBuild, root } from './lib.mjs';

ensureBuild();
const dist = join(root, 'dist');
const assets = join(dist, 'assets');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
// The build's own copy when it wrote one (none for files under 1 KiB), else compressed here.
const copy = (file, suffix, compress) => (existsSync(file + suffix) ? statSync(file + suffix).size : compress(readFileSync(file)).length);
const weigh = (file) => ({
  raw: statSync(file).size,
  gzip: copy(file, '.gz', (data) => gzipSync(data, { level: 9 })),
  br: copy(file, '.br', (data) => brotliCompressSync(data)),
});

const rows = readdirSync(assets)
  .filter((name) => !/\.(map|br|gz)$/.test(name))
  .map((name) => ({ name, ...weigh(join(assets, name)) }))
  .sort((a, b) => b.gzip - a.gzip);

const line = (label, row) => console.log(label.padEnd(48), kib(row.raw).padStart(12), kib(row.gzip).padStart(12), kib(row.br).padStart(12));
const sum = (list) => list.reduce((total, row) => ({ raw: total.raw + row.raw, gzip: total.gzip + row.gzip, br: total.br + row.br }), { raw: 0, gzip: 0, br: 0 });
console.log('chunk'.padEnd(48), 'raw'.padStart(12), 'gzip'.padStart(12), 'brotli'.padStart(12));
for (const row of rows) line(row.name, row);
line('all chunks', sum(rows));

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?assets\/([^"]+)"/g)].map((match) => match[1]);
line(`first page (index.html + ${referenced.length} referenced assets)`, sum([weigh(join(dist, 'index.html')), ...referenced.map((name) => weigh(join(assets, name)))]));
const maps = readdirSync(assets).filter((name) => name.endsWith('.map')).length;
console.log(`dist/assets on disk: ${kib(readdirSync(assets).reduce((total, name) => total + statSync(join(assets, name)).size, 0))} (precompressed copies included; ${maps} source maps)`);
