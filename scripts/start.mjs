/**
 * `npm start`: runs the built server, building it first when dist/ is missing or older than a
 * source file, so `npm install && npm start` on a fresh clone still works and an edited checkout
 * never runs yesterday's bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'dist', 'server.js');

/** The newest modification time of the files that go into the bundle. */
function newestSource() {
  let newest = 0;
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(path.join(root, 'src'));
  for (const file of ['package-lock.json', 'scripts/build.mjs']) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(server) || statSync(server).mtimeMs < newestSource()) {
  console.log('Building the server (dist/ is missing or older than the sources)…');
  await buildApp('dist');
}
await import(pathToFileURL(server).href);
