import { useRef, useState } from 'react';
import { api, ApiError } from '../../api.js';
import { vi } from '../../i18n/vi.js';
import { Badge } from '../../components/ui.js';
import { num } from '../../format.js';

type State =
  | { kind: 'waiting' }
  | { kind: 'uploading'; sent: number }
  | { kind: 'checking' }
  | { kind: 'stored'; pages: number }
  | { kind: 'duplicate'; message: string }
  | { kind: 'rejected' | 'failed'; message: string; code: string };

interface Item {
  file: File;
  state: State;
}

const PARALLEL = 2;
const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
/** Natural file-name order ("trang-2" before "trang-10"): the order shown is the order the pages get. */
export const byName = (a: File, b: File) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** Scans run from a few hundred KB (a JPEG page) to hundreds of MB (a colour TIFF). */
export const size = (bytes: number) => (bytes < 1024 * 1024 ? `${num(bytes / 1024, 0)} KB` : `${num(bytes / 1024 / 1024, 1)} MB`);

/**
 * Sends each scan in its own request (two at a time) so every file gets its own progress bar and its own verdict;
 * a bad file never holds back the good ones. The server checks content, so the picker's filter is only a convenience.
 * Each request carries the selection's id and the file's place in the list, so the server numbers pages in this
 * order whichever upload finishes first.
 */
export function ScanUploader({ batchId, onUploaded }: { batchId: number; onUploaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const aborts = useRef<(() => void)[]>([]);

  const update = (i: number, state: State) => setItems((xs) => xs.map((x, j) => (j === i ? { ...x, state } : x)));

  async function sendOne(i: number, file: File, group: string) {
    const { promise, abort } = api.digitization.uploadScans(batchId, [file], (sent, total) =>
      update(i, sent >= total && total > 0 ? { kind: 'checking' } : { kind: 'uploading', sent }),
      { group, position: String(i) },
    );
    aborts.current.push(abort);
    try {
      const r = await promise;
      const o = r.files[0];
      if (!o) update(i, { kind: 'failed', code: 'NO_RESULT', message: vi.errors.unexpected });
      else if (o.status === 'stored') update(i, { kind: 'stored', pages: o.pageIds.length });
      else if (o.status === 'duplicate') update(i, { kind: 'duplicate', message: o.message });
      else update(i, { kind: o.status, code: o.code, message: o.message });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'ERROR', vi.errors.unexpected);
      const detail = (err.details as { files?: { status: string; code?: string; message: string }[] } | undefined)?.files?.[0];
      update(i, { kind: detail?.status === 'failed' || err.status >= 500 ? 'failed' : 'rejected', code: detail?.code ?? err.code, message: detail?.message ?? err.message });
    }
  }

  async function start() {
    const list = items.map((x) => x.file);
    if (!list.length) return;
    setBusy(true);
    aborts.current = [];
    // Not crypto.randomUUID(): it exists only in secure contexts, and centres often serve the app over plain HTTP.
    const group = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const i = next++;
        await sendOne(i, list[i]!, group);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, list.length) }, worker));
    setBusy(false);
    onUploaded();
  }

  const total = items.reduce((a, x) => a + x.file.size, 0);
  const sent = items.reduce((a, x) => a + sentOf(x), 0);
  return (
    <div className="scan-uploader" data-testid="scan-uploader">
      <div className="toolbar">
        <label className="button">
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            name="files"
            accept=".tif,.tiff,.jpg,.jpeg,.png,image/tiff,image/jpeg,image/png"
            disabled={busy}
            onChange={(e) => setItems(Array.from(e.target.files ?? []).sort(byName).map((file) => ({ file, state: { kind: 'waiting' } })))}
          />
          {vi.dig.chooseScans}
        </label>
        {items.length > 0 && <span>{vi.dig.chosen(items.length, size(total))}</span>}
        <button type="button" className="primary" disabled={busy || !items.length} onClick={start}>
          {vi.dig.start}
        </button>
        {busy && (
          <button type="button" onClick={() => aborts.current.forEach((a) => a())}>
            {vi.dig.cancel}
          </button>
        )}
      </div>
      {items.length > 0 && (
        <>
          <Bar label={vi.dig.overall} value={sent} max={total} testId="upload-overall" />
          <ul className="upload-list">
            {items.map((x, i) => (
              <li key={i} data-testid="upload-item" data-state={x.state.kind}>
                <span className="upload-name">{x.file.name}</span>
                <Bar label={x.file.name} value={sentOf(x)} max={x.file.size} />
                <Verdict state={x.state} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function sentOf(x: Item): number {
  if (x.state.kind === 'waiting') return 0;
  if (x.state.kind === 'uploading') return Math.min(x.state.sent, x.file.size);
  return x.file.size;
}

export function Bar({ label, value, max, testId }: { label: string; value: number; max: number; testId?: string }) {
  const p = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress-line" data-testid={testId}>
      <progress value={p} max={100} aria-label={label} />
      <span>{p}%</span>
    </div>
  );
}

function Verdict({ state }: { state: State }) {
  switch (state.kind) {
    case 'waiting':
      return <Badge>{vi.dig.waiting}</Badge>;
    case 'uploading':
      return <Badge tone="info">{vi.dig.uploading}</Badge>;
    case 'checking':
      return <Badge tone="info">{vi.dig.checking}</Badge>;
    case 'stored':
      return <Badge tone="ok">{vi.dig.stored(state.pages)}</Badge>;
    case 'duplicate':
      return <Badge tone="warn">{vi.dig.duplicate}</Badge>;
    default:
      return (
        <span className="upload-error" role="alert">
          <Badge tone="bad">{state.kind === 'failed' ? vi.dig.failed : vi.dig.rejected}</Badge> {state.message}
        </span>
      );
  }
}
