#!/usr/bin/env node
/**
 * Builds the web client (vite) when client/dist/index.html is missing or older than any source file
 * under client/, or always with --force. Plain Node, no dependencies: `npm start` runs it first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'client');
const distIndex = path.join(clientDir, 'dist', 'index.html');
const SKIP = new Set(['dist', 'node_modules', '.vite']);

/** Newest modification time of any file under dir, skipping build output. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function reason() {
  if (process.argv.includes('--force')) return 'yêu cầu --force';
  if (!fs.existsSync(distIndex)) return 'chưa có client/dist/index.html';
  if (newestMtime(clientDir) > fs.statSync(distIndex).mtimeMs) return 'mã nguồn giao diện mới hơn bản dựng';
  return null;
}

const why = reason();
if (!why) {
  console.log('Giao diện đã được dựng, bỏ qua bước dựng.');
  process.exit(0);
}
console.log(`Đang dựng giao diện web (${why})…`);
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join('client', 'vite.config.ts')], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('Dựng giao diện thất bại.');
  process.exit(r.status ?? 1);
}
