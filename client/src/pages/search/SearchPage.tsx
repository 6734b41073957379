import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { formatNumber } from '../../format.js';
import { Link, setSearch, useSearch } from '../../router.js';
import type { SearchHit, SearchResult } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Badge, Empty, Field, Loading, Section } from '../../components/ui.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]!);

/** The server escapes the snippet and adds only <mark>; we still build elements rather than inject HTML. */
export function Snippet({ html }: { html: string }) {
  const parts: ReactNode[] = [];
  let marked = false;
  html.split(/(<mark>|<\/mark>)/).forEach((piece, i) => {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push(marked ? <mark key={i}>{unescape(piece)}</mark> : unescape(piece));
  });
  return <p className="snippet">{parts}</p>;
}

const intOrUndef = (s: string | null) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

/** Researchers' search: the query string is the state, so a search can be bookmarked and shared. */
export function SearchPage() {
  const params = useSearch();
  const q = params.get('q') ?? '';
  const exact = params.get('exact') === '1';
  // The reading room searches what can be read on screen; finding aids of files not yet scanned are opt-in.
  const all = params.get('all') === '1';
  const filters = {
    agencyId: intOrUndef(params.get('agencyId')),
    fondsId: intOrUndef(params.get('fondsId')),
    yearFrom: intOrUndef(params.get('yearFrom')),
    yearTo: intOrUndef(params.get('yearTo')),
    docType: params.get('docType') || undefined,
  };
  const page = intOrUndef(params.get('page')) ?? 1;
  const [draft, setDraft] = useState(q);
  const result = useAsync(
    () => (q ? api.search.query({ q, exact: exact || undefined, digitized: all ? undefined : true, ...filters, page, pageSize: 20 }) : Promise.resolve(null)),
    [params.toString()],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ q: draft.trim(), page: undefined });
  };
  const r = result.data;
  return (
    <div className="page">
      <h1>{vi.search.title}</h1>
      <form className="search-form" onSubmit={submit} role="search">
        <input type="search" aria-label={vi.search.title} placeholder={vi.search.placeholder} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="primary">
          {vi.search.submit}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={exact} onChange={(e) => setSearch({ exact: e.target.checked ? 1 : undefined, page: undefined })} /> {vi.search.exact}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setSearch({ all: e.target.checked ? 1 : undefined, page: undefined })} /> {vi.search.includeUnscanned}
        </label>
      </form>
      <p className="muted small">{vi.search.syntax}</p>
      <div className="search-layout">
        {r && <Facets r={r} values={filters} />}
        <div className="search-results">
          {result.loading && <Loading />}
          <ErrorMessage error={result.error} />
          {r && (
            <>
              <p data-testid="search-total">{vi.search.results(r.total, r.totalCapped)}</p>
              {r.hits.length === 0 ? <Empty text={vi.search.none} /> : r.hits.map((h, i) => <Hit key={i} hit={h} q={q} exact={exact} />)}
              <nav className="pager">
                <button type="button" disabled={page <= 1} onClick={() => setSearch({ page: page - 1 })}>
                  {vi.search.prev}
                </button>
                <span>{page}</span>
                <button type="button" disabled={page * r.pageSize >= r.total} onClick={() => setSearch({ page: page + 1 })}>
                  {vi.search.next}
                </button>
              </nav>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Hit({ hit, q, exact }: { hit: SearchHit; q: string; exact: boolean }) {
  const qs = `?q=${encodeURIComponent(q)}${exact ? '&exact=1' : ''}`;
  const to = hit.pageId ? `/viewer/pages/${hit.pageId}${qs}` : `/viewer/files/${hit.fileId}${qs}`;
  return (
    <article className="hit" data-testid="search-hit">
      {hit.thumbnailUrl && (
        <Link to={to} className="hit-thumb">
          <img src={hit.thumbnailUrl} alt="" loading="lazy" />
        </Link>
      )}
      <div>
        <h3>
          <Link to={to}>
            {hit.fileNotation} — {hit.fileTitle}
          </Link>
        </h3>
        <div className="muted small">
          <Badge>{vi.search.kind[hit.kind]}</Badge> {hit.kind === 'page' ? `${vi.search.page(hit.seq)} · ` : ''}{hit.agencyName}
          {hit.fondsCode ? ` · ${vi.search.fonds} ${hit.fondsCode}` : ''}
          {hit.year ? ` · ${hit.year}` : ''}
          {hit.documentSubject ? ` · ${hit.documentSubject}` : ''}
        </div>
        {/* Sent to staff only: where the paper is, or that it is out to the reading room. */}
        {hit.location !== undefined && <div className="muted small" data-testid="hit-location">{vi.search.location(hit.location)}</div>}
        <Snippet html={hit.snippet} />
      </div>
    </article>
  );
}

type Filters = { agencyId?: number; fondsId?: number; yearFrom?: number; yearTo?: number; docType?: string };

function Facets({ r, values }: { r: SearchResult; values: Filters }) {
  const select = (label: string, key: 'agencyId' | 'fondsId' | 'docType', facet: keyof SearchResult['facets']) => (
    <Field label={label}>
      <select value={String(values[key] ?? '')} onChange={(e) => setSearch({ [key]: e.target.value || undefined, page: undefined })}>
        <option value="">{vi.search.all}</option>
        {r.facets[facet].map((f) => (
          <option key={f.key} value={f.key}>
            {f.label} ({formatNumber(f.count)})
          </option>
        ))}
      </select>
    </Field>
  );
  const year = (label: string, key: 'yearFrom' | 'yearTo') => (
    <Field label={label}>
      <input type="number" min={1800} max={2200} defaultValue={values[key] ?? ''} onBlur={(e) => setSearch({ [key]: e.target.value || undefined, page: undefined })} />
    </Field>
  );
  return (
    <Section title={vi.search.filters} className="facets">
      {select(vi.search.agency, 'agencyId', 'agency')}
      {select(vi.search.fonds, 'fondsId', 'fonds')}
      {select(vi.search.docType, 'docType', 'docType')}
      {year(vi.search.yearFrom, 'yearFrom')}
      {year(vi.search.yearTo, 'yearTo')}
    </Section>
  );
}
