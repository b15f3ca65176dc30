#!/usr/bin/env node
// Prints the built bundle's weight: every chunk raw and gzip, and what the first page
// (the login route) loads: index.html plus the scripts and styles it references.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuild, root } from './lib.mjs';

ensureBuild();
const dist = join(root, 'dist');
const assets = join(dist, 'assets');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const weigh = (file) => {
  const data = readFileSync(file);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
};

const rows = readdirSync(assets)
  .filter((name) => !name.endsWith('.map'))
  .map((name) => ({ name, ...weigh(join(assets, name)) }))
  .sort((a, b) => b.gzip - a.gzip);

console.log('chunk'.padEnd(48), 'raw'.padStart(12), 'gzip'.padStart(12));
for (const row of rows) console.log(row.name.padEnd(48), kib(row.raw).padStart(12), kib(row.gzip).padStart(12));
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
console.log('all chunks'.padEnd(48), kib(total.raw).padStart(12), kib(total.gzip).padStart(12));

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]);
const first = [weigh(join(dist, 'index.html')), ...referenced.map((name) => weigh(join(assets, name)))].reduce(
  (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }),
  { raw: 0, gzip: 0 },
);
console.log(`first page (index.html + ${referenced.length} referenced assets)`.padEnd(48), kib(first.raw).padStart(12), kib(first.gzip).padStart(12));
console.log(`dist total on disk: ${kib(readdirSync(assets).reduce((sum, name) => sum + statSync(join(assets, name)).size, 0))} (with source maps)`);
