/**
 * Offline validation against the official XSDs in ../shared/schemas (xmllint --nonet with its OASIS catalog, as
 * validate.sh does). OAI-PMH declares its payload wildcards strict, so responses carrying ead3 or eac-cpf records
 * are checked with a driver that loads those schemas next to OAI-PMH, oai_dc and oai-identifier.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCHEMAS_DIR = process.env.XML_SCHEMAS_DIR ?? path.resolve(repo, '../shared/schemas');

export type SchemaName = 'ead3' | 'eac-cpf' | 'oai-pmh';

let driver: string | null = null;
function oaiDriver(): string {
  if (driver) return driver;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oai-driver-'));
  const imp = (ns: string, file: string) => `  <xs:import namespace="${ns}" schemaLocation="${path.join(SCHEMAS_DIR, file)}"/>`;
  fs.writeFileSync(path.join(dir, 'oai-interop-all.xsd'), [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    imp('http://www.openarchives.org/OAI/2.0/', 'OAI-PMH.xsd'),
    imp('http://www.openarchives.org/OAI/2.0/oai_dc/', 'oai_dc.xsd'),
    imp('http://www.openarchives.org/OAI/2.0/oai-identifier', 'oai-identifier.xsd'),
    imp('http://ead3.archivists.org/schema/', 'ead3.xsd'),
    imp('https://archivists.org/ns/eac/v2', 'eac.xsd'),
    '</xs:schema>',
  ].join('\n'));
  driver = path.join(dir, 'oai-interop-all.xsd');
  return driver;
}

const schemaFile = (name: SchemaName) => (name === 'oai-pmh' ? oaiDriver() : path.join(SCHEMAS_DIR, name === 'ead3' ? 'ead3.xsd' : 'eac.xsd'));

export interface Validation { ok: boolean; status: number | null; output: string; files: string[] }

/** Validates files on disk; xmllint exits 0 only when every one is valid. */
export function validateFiles(name: SchemaName, files: string[]): Validation {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schemaFile(name), ...files], {
    env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS_DIR, 'catalog.xml') }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, status: r.status, output: `${r.stdout}${r.stderr}`.trim(), files };
}

/** Writes the documents to a temp folder and validates them in batches (one xmllint per 200 files). */
export function validateDocuments(name: SchemaName, docs: string[]): Validation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xml-${name}-`));
  const files = docs.map((d, i) => {
    const f = path.join(dir, `${String(i).padStart(5, '0')}.xml`);
    fs.writeFileSync(f, d);
    return f;
  });
  let out: Validation = { ok: true, status: 0, output: '', files };
  for (let i = 0; i < files.length; i += 200) {
    const v = validateFiles(name, files.slice(i, i + 200));
    if (!v.ok) out = { ok: false, status: v.status, output: `${out.output}\n${v.output.split('\n').filter((l) => !l.endsWith(' validates')).slice(0, 20).join('\n')}`, files };
  }
  if (out.ok) fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
