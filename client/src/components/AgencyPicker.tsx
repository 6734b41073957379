import { useState } from 'react';
import { api } from '../api.js';
import { useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import type { Agency } from '../types.js';

/** Search-as-you-type agency chooser: the provincial list has hundreds of agencies, too many for one select. */
export function AgencyPicker(props: { value: number | null; onChange: (id: number | null, agency?: Agency) => void; id?: string }) {
  const [q, setQ] = useState('');
  const list = useAsync(() => api.agencies.list({ q: q.trim() || undefined, limit: 50, sort: 'name' }), [q]);
  const items = list.data?.items ?? [];
  const listed = props.value === null || items.some((a) => a.id === props.value);
  // A preselected agency outside the current search still shows its name, not a bare id.
  const selected = useAsync(() => (listed || props.value === null ? Promise.resolve(null) : api.agencies.get(props.value)), [props.value, listed]);
  return (
    <div className="picker">
      <input
        type="search"
        value={q}
        placeholder={vi.agencies.searchPlaceholder}
        aria-label={vi.agencies.searchPlaceholder}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => {
          const v = e.target.value ? Number(e.target.value) : null;
          props.onChange(v, items.find((a) => a.id === v));
        }}
      >
        <option value="">{vi.handovers.chooseAgency}</option>
        {!listed && props.value !== null && (
          <option value={props.value}>{selected.data ? `${selected.data.code} — ${selected.data.name}` : `#${props.value}`}</option>
        )}
        {items.map((a) => (
          <option key={a.id} value={a.id}>
            {a.code} — {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
