/**
 * The dependency rules of the code base, checked over the import graph of the source tree:
 * - only route adapters and the HTTP composition import `server/http/`;
 * - `ocr/` and `storage/` import nothing from `server/`;
 * - the client imports no repository module (its types come from the contract modules);
 * - the folder graph has no cycle (no two folders import each other, directly or round a loop).
 * Imports are read with TypeScript's pre-processor, so `import type` and dynamic `import()` count too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Violation {
  rule: 'http-outside-adapters' | 'ocr-storage-import-server' | 'client-imports-repository' | 'folder-cycle';
  /** Repository-relative paths (POSIX). */
  from: string;
  to: string;
  message: string;
}

const ROOTS = ['server', 'ocr', 'storage', 'client/src'];
const SOURCE = /\.(ts|tsx)$/;

/** Files that may import the HTTP module: route adapters and the app's HTTP composition. */
function mayImportHttp(file: string): boolean {
  return file.startsWith('server/http/') || file.endsWith('.routes.ts') || file === 'server/app.ts' || file === 'server/main.ts';
}

function listSources(root: string, dir: string, out: string[]): void {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) listSources(root, rel, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
}

/** Resolves a relative specifier (`../x.js`, `./y`) to a repository-relative source file, or null. */
function resolve(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`]) {
    if (SOURCE.test(candidate) && fs.existsSync(path.join(root, candidate))) return candidate;
  }
  return null;
}

/** Every (importer, imported) pair between source files of the tree. */
export function importGraph(root: string): Array<{ from: string; to: string }> {
  const files: string[] = [];
  for (const r of ROOTS) listSources(root, r, files);
  const edges: Array<{ from: string; to: string }> = [];
  for (const from of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, from), 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const to = resolve(root, from, imported.fileName);
      if (to) edges.push({ from, to });
    }
  }
  return edges;
}

/**
 * The node of the folder graph a file belongs to: its folder, except for files directly in a root (`server/app.ts`,
 * `server/config.ts`, `client/src/api.ts`), which are nodes of their own — the composition root sits above every
 * area and the config below, and lumping them into one "server" folder would make a cycle of nothing.
 */
function nodeOf(file: string): string {
  const dir = path.posix.dirname(file);
  return ROOTS.includes(dir) ? file : dir;
}

/** Strongly connected components of more than one node (Tarjan), each as a sorted list. */
function folderCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = nodeOf(e.from);
    const b = nodeOf(e.to);
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

export function checkDependencies(root: string): Violation[] {
  const edges = importGraph(root);
  const violations: Violation[] = [];
  for (const { from, to } of edges) {
    if (to.startsWith('server/http/') && !mayImportHttp(from)) {
      violations.push({ rule: 'http-outside-adapters', from, to, message: `${from} imports the HTTP module (${to}); only *.routes.ts, server/http/ and the app may` });
    }
    if ((from.startsWith('ocr/') || from.startsWith('storage/')) && to.startsWith('server/')) {
      violations.push({ rule: 'ocr-storage-import-server', from, to, message: `${from} imports ${to}: ocr/ and storage/ stand below server/` });
    }
    if (from.startsWith('client/') && /\.repository\.tsx?$/.test(to)) {
      violations.push({ rule: 'client-imports-repository', from, to, message: `${from} imports the repository ${to}: the client uses the contract types` });
    }
  }
  for (const cycle of folderCycles(edges)) {
    const inCycle = new Set(cycle);
    const witness = edges.filter((e) => {
      const a = nodeOf(e.from);
      const b = nodeOf(e.to);
      return a !== b && inCycle.has(a) && inCycle.has(b);
    });
    const first = witness[0]!;
    violations.push({
      rule: 'folder-cycle',
      from: first.from,
      to: first.to,
      message: `folders import each other: ${cycle.join(' ↔ ')} (e.g. ${witness.slice(0, 4).map((e) => `${e.from} → ${e.to}`).join('; ')})`,
    });
  }
  return violations;
}
