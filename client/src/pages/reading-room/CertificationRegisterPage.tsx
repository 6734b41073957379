import { useState } from 'react';
import { api } from '../../api.js';
import { useAsync } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { date } from '../../format.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { DataTable } from '../../components/DataTable.js';
import { Field, Loading } from '../../components/ui.js';
import type { CertificationRegister } from '../../types/reading-room-circulation.js';

const t = vi.circ;
type Row = CertificationRegister['items'][number];

/** The certification register (sổ chứng thực) of one year: kept, never deleted. */
export function CertificationRegisterPage() {
  const [year, setYear] = useState('');
  const reg = useAsync(() => api.circ.register(year ? Number(year) : undefined), [year]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.registerTitle}{reg.data && <span className="muted"> · {reg.data.year}</span>}</h1>
        <Field label={t.year}><input inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} /></Field>
      </div>
      <ErrorMessage error={reg.error} />
      {!reg.data ? <Loading /> : (
        <DataTable<Row>
          testId="cert-register"
          rows={reg.data.items}
          rowKey={(r) => r.id}
          empty={t.registerEmpty}
          columns={[
            { header: t.number, cell: (r) => `${r.number}/${r.year}`, className: 'nowrap strong' },
            { header: t.certifiedAt, cell: (r) => date(r.certifiedAt), className: 'nowrap' },
            { header: t.reader, cell: (r) => r.readerName },
            { header: t.filesText, cell: (r) => `${r.filesText} · ${r.pages} trang` },
            { header: t.certifiedBy, cell: (r) => r.certifiedByName },
          ]}
        />
      )}
    </div>
  );
}
