/**
 * Builds one AIP (per file or per fonds) and streams it into the write-once vault. Per file: the PDF/A-2b is made
 * from the stored OCR and access images, self-checked (a failed check fails the package), recorded as PREMIS
 * creation + validation events, and staged on disk; then the metadata (EAD3 via the one writer, TT05 block,
 * PREMIS, METS ×2) is written and the ZIP streams: metadata, staged PDFs, masters straight from the blob store
 * (re-hashed on the way; a master that no longer matches its upload SHA-256 aborts the package). Memory holds one
 * file's PDF at a time. A re-run (retry, restart) starts from scratch; a package already in the vault is adopted.
 */
import crypto, { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type { Deps } from '../deps.js';
import { currentYear } from '../core/time/index.js';
import { ARCHIVE_ERRORS } from '../core/errors-archive.js';
import { pagesOcr } from '../digitization/pages.repository.js';
import { ead3Xml } from '../interop/xml/ead3.js';
import { fileDescription, fondsFindingAid } from '../interop/records/descriptions.js';
import { findFonds, fondsInventories, fondsFiles } from '../interop/records/interop.repository.js';
import { pdfaDocument } from '../../ocr/export/pdfa.js';
import { selfCheckPdfa, checkToolVersions } from './pdfa-check.js';
import { premisXml, type PremisAgent, type PremisEvent, type PremisObject } from './premis.js';
import { representationMets, rootMets, type PackagedFile } from './mets.js';
import { tt05Xml } from './tt05.js';
import { tt05ForExport } from '../digitization/tt05.repository.js';
import { zipStream, type StreamEntry } from '../../ocr/export/zip.js';
import { AipExistsError, type AipVault } from './aip-vault.js';
import * as repo from './aip.repository.js';
import { depositedMaster, depositMetsFile, depositObjectId, depositPremisEvents, depositPremisObject, type DepositedMaster } from './aip-deposit.js';

const SOFTWARE = 'Kho Lưu trữ — đóng gói AIP';
const SOFTWARE_VERSION = '1.0 (pdf-lib 1.17, xmlbuilder2 4)';
const EXT: Record<string, string> = { tiff: 'tif', jpeg: 'jpg', png: 'png' };
const MIME: Record<string, string> = { tiff: 'image/tiff', jpeg: 'image/jpeg', png: 'image/png' };
const PUID: Record<string, string | undefined> = { tiff: 'fmt/353', jpeg: 'fmt/43', png: 'fmt/12' };
const SCHEMA_FILES = ['mets.xsd', 'xlink.xsd', 'premis.xsd', 'ead3.xsd', 'DILCISExtensionMETS.xsd'];
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
export const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'ho-so';

export interface AipFilePart {
  file: repo.ArchiveFileRow;
  pdfName: string;
  pdfPath: string;
  pdfSha: string;
  pdfSize: number;
  masters: { id: number; name: string; key: string; sha256: string; size: number; format: string; created: Date }[];
  pageIds: number[];
  selfCheckPassed: boolean;
  /** One PDF/A-2b per document of the file (its pages only), beside the file's. */
  documents: { id: number; ordinal: number; subject: string; pdfName: string; pdfPath: string; pdfSha: string; pdfSize: number; masterIds: number[] }[];
  /** The deposited PDF/A, when the file came as a digital deposit: it is the file's PDF and its only master. */
  deposited: DepositedMaster | null;
}

interface StageInput {
  exp: repo.AipExportRow; fileId: number; staging: string; tools: string[];
  pages: Parameters<typeof pdfaDocument>[0];
  pdfName: string; title: string; identifier: string; relations: string[]; what: string;
}

/** Builds one PDF/A-2b, self-checks it (a failure fails the package), records both as PREMIS events, stages it. */
async function stagePdfa(deps: Deps, x: StageInput) {
  const createdAt = deps.clock();
  const pdf = await pdfaDocument(x.pages, {
    title: x.title, identifier: x.identifier, relations: [...x.relations, x.exp.packageId],
    creator: deps.config.CENTRE_NAME, createdAt, documentId: randomUUID().replace(/-/g, ''),
    iccProfile: await fs.promises.readFile(deps.config.ARCHIVE_ICC_PROFILE),
  });
  const pdfSha = sha(pdf);
  const check = await selfCheckPdfa(pdf, x.pages.map((p) => p.page.text), x.staging);
  const objectName = `representations/rep1/data/${x.pdfName}`;
  const base = { fileId: x.fileId, aipId: x.exp.id, objectName, sha256: pdfSha };
  await repo.insertPremisEvent(deps.db, {
    ...base, uuid: randomUUID(), type: 'creation', at: createdAt, outcome: 'pass',
    detail: `Tạo PDF/A-2b ${x.what} (${x.pages.length} trang, ảnh bản truy cập + lớp chữ OCR ẩn) bằng pdf-lib`, agent: 'pdf-lib 1.17.1', data: { pages: x.pages.length, size: pdf.length },
  });
  await repo.insertPremisEvent(deps.db, {
    ...base, uuid: randomUUID(), type: 'validation', at: deps.clock(), outcome: check.passed ? 'pass' : 'fail',
    detail: `Tự kiểm tra PDF/A-2b ${x.what} (không phải veraPDF): ` + check.checks.map((c) => `${c.name}=${c.ok ? 'đạt' : 'KHÔNG ĐẠT'}`).join('; '),
    agent: `Kho Lưu trữ pdfa-check; ${x.tools.join('; ')}`, data: check,
  });
  if (!check.passed) throw ARCHIVE_ERRORS.pdfaSelfCheckFailed(check.checks.filter((c) => !c.ok).map((c) => c.name));
  const pdfPath = path.join(x.staging, x.pdfName);
  await fs.promises.writeFile(pdfPath, pdf);
  return { pdfName: x.pdfName, pdfPath, pdfSha, pdfSize: pdf.length, passed: check.passed };
}

export async function buildAip(deps: Deps, vault: AipVault, exportId: number): Promise<void> {
  const exp = await repo.getExport(deps.db, exportId);
  if (!exp || exp.status === 'done') return;
  const now = deps.clock();
  const year = currentYear(deps.clock);
  const fileIds = exp.scope === 'file' ? [exp.recordFileId!] : (await repo.fondsDigitisedFiles(deps.db, exp.fondsId!)).map((r) => r.id);
  const pagesByFile = new Map<number, repo.AipPageRow[]>();
  const docsByFile = new Map<number, repo.AipDocumentRow[]>();
  for (const id of fileIds) {
    const pages = await repo.filePages(deps.db, id);
    pagesByFile.set(id, pages);
    // Only documents with digitised pages have a PDF/A of their own.
    docsByFile.set(id, (await repo.fileDocuments(deps.db, id)).filter((d) => pages.some((p) => p.documentId === d.id)));
  }
  const total = [...pagesByFile.values()].reduce((s, p) => s + p.length, 0) * 2 + fileIds.length + [...docsByFile.values()].reduce((s, d) => s + d.length, 0);
  await repo.markRunning(deps.db, exportId, total);
  // Not under DATA_DIR/tmp: its hourly sweep could remove a long build's staged PDFs. A crashed build's folder is
  // removed when the export runs again.
  const staging = path.join(deps.config.DATA_DIR, 'archive-staging', `aip-${exportId}`);
  await fs.promises.rm(staging, { recursive: true, force: true });
  await fs.promises.mkdir(staging, { recursive: true });
  let done = 0;
  const step = async (stage: string, n = 1) => { done += n; await repo.setProgress(deps.db, exportId, done, stage); };
  try {
    const tools = await checkToolVersions();
    const parts: AipFilePart[] = [];
    const usedNames = new Set<string>();
    for (const fileId of fileIds) {
      const file = await repo.archiveFile(deps.db, fileId, year);
      if (!file) throw ARCHIVE_ERRORS.archiveFileNotFound(fileId);
      const pages = pagesByFile.get(fileId)!;
      const ocr = await pagesOcr(deps.db, pages.map((p) => p.id));
      const pending = pages.filter((p) => !ocr.has(p.id) || p.derivativesStatus !== 'done' || !p.accessKey).length;
      if (pending) throw ARCHIVE_ERRORS.pagesNotReady(pending);
      if (!pages.length) throw ARCHIVE_ERRORS.nothingDigitised();
      const pdfPages: Parameters<typeof pdfaDocument>[0] = [];
      for (const p of pages) {
        pdfPages.push({ page: ocr.get(p.id)!, image: await buffer(await deps.blobs.get(p.accessKey!)), dpi: p.dpi });
        await step(`Hồ sơ ${file.fileNotation}: đọc ảnh trang ${p.seq}`);
      }
      let base = `${slug(file.fileCode ?? file.fileNotation)}-${file.id}`;
      while (usedNames.has(base)) base += '-x';
      usedNames.add(base);
      const fileCode = file.fileCode ?? file.fileNotation;
      const deposited = await depositedMaster(deps.db, fileId);
      // Validated when deposited (its PREMIS validation event goes into the package); never rebuilt from its renders.
      const staged = deposited
        ? { pdfName: `${base}.pdf`, pdfPath: '', pdfSha: deposited.sha256, pdfSize: deposited.size, passed: true }
        : await stagePdfa(deps, {
          exp, fileId, staging, tools, pages: pdfPages, pdfName: `${base}.pdf`, title: `${file.fileNotation} — ${file.title}`,
          identifier: fileCode, relations: [`VN-KLT-FILE-${file.id}`], what: 'của hồ sơ',
        });
      const documents: AipFilePart['documents'] = [];
      for (const d of docsByFile.get(fileId)!) {
        const idx = pages.flatMap((p, i) => (p.documentId === d.id ? [i] : []));
        const ds = await stagePdfa(deps, {
          exp, fileId, staging, tools, pages: idx.map((i) => pdfPages[i]!), pdfName: `${base}-van-ban-${d.ordinal}.pdf`,
          title: `${file.fileNotation} — văn bản ${d.ordinal}: ${d.subject}`, identifier: d.code ?? `${fileCode}.${d.ordinal}`,
          relations: [`VN-KLT-FILE-${file.id}`, `VN-KLT-DOC-${d.id}`], what: `của văn bản ${d.ordinal}`,
        });
        documents.push({ id: d.id, ordinal: d.ordinal, subject: d.subject, ...ds, masterIds: [...new Set(idx.map((i) => pages[i]!.masterId))] });
        await step(`Hồ sơ ${file.fileNotation}: PDF/A-2b văn bản ${d.ordinal} đã tự kiểm tra`);
      }
      const seen = new Set<number>();
      const masters = pages.filter((p) => !deposited && !seen.has(p.masterId) && seen.add(p.masterId)).map((p) => ({
        id: p.masterId, name: `masters/${base}/${String(p.seq).padStart(4, '0')}-${p.masterId}.${EXT[p.masterFormat] ?? 'bin'}`, key: p.masterKey,
        sha256: p.masterSha256, size: Number(p.masterSize), format: p.masterFormat, created: new Date(p.masterCreatedAt),
      }));
      parts.push({ file, pdfName: staged.pdfName, pdfPath: staged.pdfPath, pdfSha: staged.pdfSha, pdfSize: staged.pdfSize, masters, pageIds: pages.map((p) => p.id), selfCheckPassed: staged.passed, documents, deposited: deposited ?? null });
      await step(`Hồ sơ ${file.fileNotation}: PDF/A-2b đã tự kiểm tra`);
    }
    const md = await metadata(deps, exp, parts, now, year);
    const entries: StreamEntry[] = md.entries;
    for (const part of parts) {
      for (const pdf of part.deposited ? part.documents : [part, ...part.documents]) entries.push({ name: `${exp.packageId}/representations/rep1/data/${pdf.pdfName}`, data: () => Promise.resolve(fs.createReadStream(pdf.pdfPath)) });
    }
    for (const part of parts) {
      const deposited = part.deposited ? [{ name: part.pdfName, key: part.deposited.key, sha256: part.deposited.sha256, size: part.deposited.size }] : [];
      for (const m of [...deposited, ...part.masters]) {
        const h = crypto.createHash('sha256');
        entries.push({
          name: `${exp.packageId}/representations/rep1/data/${m.name}`, data: () => deps.blobs.get(m.key),
          onChunk: (c) => h.update(c),
          onEnd: (size) => { if (h.digest('hex') !== m.sha256 || size !== m.size) throw ARCHIVE_ERRORS.masterNotIntact(m.name); },
        });
      }
    }
    const count = parts.reduce((s, p) => s + p.masters.length, 0);
    let written = 0;
    const progressTap = async function* (src: AsyncGenerator<Buffer>) {
      for await (const c of src) {
        written += c.length;
        yield c;
      }
    };
    await repo.setProgress(deps.db, exportId, done, `Ghi gói ZIP (${count} bản gốc) vào vùng lưu trữ ghi một lần`);
    let stored;
    try {
      stored = await vault.write(exp.packageId, progressTap(zipStream(entries)));
    } catch (err) {
      if (!(err instanceof AipExistsError)) throw err;
      // Written by an attempt that died before recording it: adopt it after re-hashing.
      const key = vault.kind === 's3' ? `aip/${exp.packageId}.zip` : `${exp.packageId}/${exp.packageId}.zip`;
      const h = await vault.rehash(key);
      if (!h) throw err;
      stored = { key, ...h, lockMode: vault.kind === 's3' ? 'none' as const : 'read-only-fs' as const, lockedUntil: null, lockDetail: 'gói của lần chạy trước, đã băm lại' };
    }
    await repo.markDone(deps.db, exportId, { ...stored, pdfaChecked: parts.reduce((n, p) => n + 1 + p.documents.length, 0), pdfaPassed: parts.reduce((n, p) => n + (p.selfCheckPassed ? 1 + p.documents.length : 0), 0), at: deps.clock() });
    deps.log.info({ exportId, size: stored.size, written, lock: stored.lockMode }, 'đã đóng gói AIP');
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

async function metadata(deps: Deps, exp: repo.AipExportRow, parts: AipFilePart[], now: Date, year: number) {
  const pkg = exp.packageId;
  const ctx = { apiBase: '/api', centreName: deps.config.CENTRE_NAME, now };
  let ead: string;
  if (exp.scope === 'fonds') {
    const fo = await findFonds(deps.db, exp.fondsId!);
    if (!fo) throw ARCHIVE_ERRORS.archiveFondsNotFound(exp.fondsId!);
    ead = ead3Xml(fondsFindingAid(fo, await fondsInventories(deps.db, fo.id), await fondsFiles(deps.db, fo.id, year), ctx));
  } else {
    ead = ead3Xml(fileDescription(parts[0]!.file, ctx));
  }
  const stored2025 = await Promise.all(parts.map(({ file: f }) => tt05ForExport(deps.db, f.id)));
  const tt05 = tt05Xml(parts.map(({ file: f }, i) => ({
    fileId: f.id, fileCode: f.fileCode, fileNotation: f.fileNotation, title: f.title, fondsCode: f.fondsCode, fondsName: f.fondsName, agencyName: f.agencyName,
    startDate: f.startDate, endDate: f.endDate, retention: f.retention, accessLevel: f.accessLevel, secrecy: f.secrecy, sheets: f.sheets, pages: f.pages, language: 'vie',
    tt05: stored2025[i],
  })), now, deps.config.CENTRE_NAME);

  // PREMIS: objects (PDF/A + masters), events (capture, OCR, master fixity from the audit log; ours from premis_events).
  const objects: PremisObject[] = [];
  const agents: PremisAgent[] = [
    { id: 'agent-centre', name: deps.config.CENTRE_NAME, type: 'organization' },
    { id: 'agent-app', name: SOFTWARE, type: 'software', version: SOFTWARE_VERSION },
    { id: 'agent-pdflib', name: 'pdf-lib', type: 'software', version: '1.17.1' },
    { id: 'agent-pdfa-check', name: 'Kho Lưu trữ pdfa-check (tự kiểm tra, không phải veraPDF)', type: 'software', note: (await checkToolVersions()).join('; ') },
  ];
  const events: PremisEvent[] = [];
  const masterObj = new Map<number, string>();
  const pageToFileObj = new Map<number, string>();
  for (const p of parts) {
    const pdfId = p.deposited ? depositObjectId(p.deposited) : `obj-pdfa-${p.file.id}`;
    for (const m of p.masters) {
      const id = `obj-master-${m.id}`;
      masterObj.set(m.id, id);
      objects.push({ id, name: `representations/rep1/data/${m.name}`, sha256: m.sha256, size: m.size, formatName: m.format.toUpperCase(), puid: PUID[m.format] });
    }
    if (p.deposited) {
      objects.push(depositPremisObject(p.deposited, p.pdfName));
      events.push(...await depositPremisEvents(deps.db, p.file.id, p.deposited));
    } else {
      objects.push({ id: pdfId, name: `representations/rep1/data/${p.pdfName}`, sha256: p.pdfSha, size: p.pdfSize, formatName: 'PDF/A', formatVersion: '2b', puid: 'fmt/476', sources: p.masters.map((m) => `obj-master-${m.id}`) });
    }
    for (const d of p.documents) {
      objects.push({ id: `obj-pdfa-doc-${d.id}`, name: `representations/rep1/data/${d.pdfName}`, sha256: d.pdfSha, size: d.pdfSize, formatName: 'PDF/A', formatVersion: '2b', puid: 'fmt/476', sources: p.deposited ? [pdfId] : d.masterIds.map((id) => `obj-master-${id}`) });
    }
    for (const id of p.pageIds) pageToFileObj.set(id, pdfId);
  }
  const ocrAgents = new Map<string, string>();
  const persons = new Map<string, string>();
  const audit = await repo.auditEventsFor(deps.db, [...masterObj.keys()], [...pageToFileObj.keys()]);
  for (const e of audit) {
    const uuid = uuidFromId(`audit-${e.id}`);
    if (e.action === 'master.stored') {
      const who = e.actorName ?? 'hệ thống';
      if (!persons.has(who)) persons.set(who, `agent-person-${persons.size + 1}`);
      events.push({ id: uuid, type: 'capture', at: new Date(e.at), detail: `Tải lên bản gốc ảnh quét (${String(e.data?.format ?? '')}, ${String(e.data?.name ?? '')}); SHA-256 tính khi nhận`, outcome: 'pass', agents: [{ id: persons.get(who)!, role: 'implementer' }, { id: 'agent-app', role: 'executing program' }], objects: [{ id: masterObj.get(Number(e.entityId))!, role: 'outcome' }] });
    } else if (e.action === 'fixity.checked') {
      const r = String(e.data?.result ?? '');
      events.push({ id: uuid, type: 'fixity check', at: new Date(e.at), detail: 'Băm lại SHA-256 bản gốc trong kho và so với mã ghi khi tải lên', outcome: r === 'ok' ? 'pass' : 'fail', outcomeNote: r, agents: [{ id: 'agent-app', role: 'executing program' }], objects: [{ id: masterObj.get(Number(e.entityId))!, role: 'source' }] });
    } else {
      const engine = String(e.data?.engine ?? 'tesseract.js');
      if (!ocrAgents.has(engine)) ocrAgents.set(engine, `agent-ocr-${ocrAgents.size + 1}`);
      events.push({ id: uuid, type: 'derivation', at: new Date(e.at), detail: `Nhận dạng chữ (OCR) trang #${e.entityId}: ${engine}; độ tin cậy ${String(e.data?.confidence ?? '')}`, outcome: 'pass', agents: [{ id: ocrAgents.get(engine)!, role: 'executing program' }], objects: [{ id: pageToFileObj.get(Number(e.entityId))!, role: 'outcome' }] });
    }
  }
  for (const [name, id] of persons) agents.push({ id, name, type: 'person' });
  for (const [engine, id] of ocrAgents) agents.push({ id, name: 'tesseract.js (OCR)', type: 'software', version: engine });
  for (const e of await repo.premisEventsOfAip(deps.db, exp.id)) {
    const obj = objects.find((o) => o.name === e.objectName);
    events.push({ id: e.uuid, type: e.type, at: new Date(e.at), detail: e.detail, outcome: e.outcome, agents: [{ id: e.type === 'validation' ? 'agent-pdfa-check' : 'agent-pdflib', role: 'executing program' }], objects: obj ? [{ id: obj.id, role: 'outcome' }] : [] });
  }
  const premis = premisXml(objects, events, agents);
  const head = { objId: pkg, label: exp.scope === 'file' ? `AIP hồ sơ ${parts[0]!.file.fileNotation}` : `AIP phông #${exp.fondsId}`, created: now, centreName: deps.config.CENTRE_NAME, softwareName: SOFTWARE, softwareVersion: SOFTWARE_VERSION };
  const ref = (id: string, href: string, body: string, mime = 'text/xml'): PackagedFile => ({ id, href, mimeType: mime, size: Buffer.byteLength(body), sha256: sha(Buffer.from(body)), created: now });
  const dataFiles: PackagedFile[] = [];
  for (const p of parts) {
    dataFiles.push(p.deposited ? depositMetsFile(p.deposited, p.pdfName) : { id: `obj-pdfa-${p.file.id}`, href: `data/${p.pdfName}`, mimeType: 'application/pdf', size: p.pdfSize, sha256: p.pdfSha, created: now });
    for (const d of p.documents) dataFiles.push({ id: `obj-pdfa-doc-${d.id}`, href: `data/${d.pdfName}`, mimeType: 'application/pdf', size: d.pdfSize, sha256: d.pdfSha, created: now });
    for (const m of p.masters) dataFiles.push({ id: `obj-master-${m.id}`, href: `data/${m.name}`, mimeType: MIME[m.format] ?? 'application/octet-stream', size: m.size, sha256: m.sha256, created: m.created });
  }
  const logical = parts.map((p) => ({
    id: `div-file-${p.file.id}`, label: `Hồ sơ ${p.file.fileNotation} — ${p.file.title}`, fileIds: [p.deposited ? depositObjectId(p.deposited) : `obj-pdfa-${p.file.id}`],
    children: p.documents.map((d) => ({ id: `div-doc-${d.id}`, label: `Văn bản ${d.ordinal}: ${d.subject}`, fileIds: [`obj-pdfa-doc-${d.id}`] })),
  }));
  const repMets = representationMets({ ...head, objId: `${pkg}-rep1` }, ref('premis', '../../metadata/preservation/PREMIS.xml', premis), dataFiles, logical);
  // The official schemas the XML in the package follows (schemas/ of the CSIP layout), when a folder of them is set.
  const schemaFiles: { file: PackagedFile; body: Buffer }[] = [];
  const dir = deps.config.ARCHIVE_SCHEMAS_DIR;
  for (const name of dir ? SCHEMA_FILES : []) {
    const body = await fs.promises.readFile(path.join(dir!, name)).catch(() => null);
    if (body) schemaFiles.push({ file: { id: `schema-${name.replace(/[^A-Za-z0-9]/g, '-')}`, href: `schemas/${name}`, mimeType: 'application/xml', size: body.length, sha256: sha(body), created: now }, body });
  }
  const rootXml = rootMets(head, {
    ead: ref('ead', 'metadata/descriptive/EAD.xml', ead), tt05: ref('tt05', 'metadata/descriptive/TT05.xml', tt05), premis: ref('premis', 'metadata/preservation/PREMIS.xml', premis),
  }, [ref('rep1-mets', 'representations/rep1/METS.xml', repMets)], schemaFiles.map((s) => s.file));
  const entries: StreamEntry[] = [
    { name: `${pkg}/METS.xml`, data: Buffer.from(rootXml) },
    { name: `${pkg}/metadata/descriptive/EAD.xml`, data: Buffer.from(ead) },
    { name: `${pkg}/metadata/descriptive/TT05.xml`, data: Buffer.from(tt05) },
    { name: `${pkg}/metadata/preservation/PREMIS.xml`, data: Buffer.from(premis) },
    { name: `${pkg}/representations/rep1/METS.xml`, data: Buffer.from(repMets) },
    ...schemaFiles.map((s) => ({ name: `${pkg}/${s.file.href}`, data: s.body })),
  ];
  return { entries };
}

/** A stable UUID (v4 layout) for an audit-log event, so re-exports name the same event alike. */
function uuidFromId(s: string): string {
  const h = crypto.createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
