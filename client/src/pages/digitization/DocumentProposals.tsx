import { useState } from 'react';
import type { ProposalFieldsView } from '../../api/proposals.js';
import { proposals as t } from '../../i18n/proposals.js';
import { DateInput } from '../../components/DateInput.js';

/** Fields that go into the document (TT 02/2019); place and parent organ are shown for checking only. */
export const EDITABLE = ['typeName', 'codeNumber', 'codeNotation', 'issuedDate', 'organName', 'subject'] as const;
export type EditableField = (typeof EDITABLE)[number];
const REFERENCE = ['place', 'parentOrgan'] as const;
const MAX: Record<EditableField, number> = { typeName: 100, codeNumber: 11, codeNotation: 30, issuedDate: 10, organName: 200, subject: 500 };
/**
 * Below this the weakest word of a field was likely a guess: the field is marked for checking. On the four fixture
 * pages every right field read ≥ 82 and the one wrong field (a bold acronym, CCHC read CCHDO) 72 — a small sample.
 */
const LOW_CONFIDENCE = 80;

export interface FieldState {
  value: string;
  /** Nothing is saved while a field is 'proposed': staff accept it as read, or correct it. */
  status: 'proposed' | 'accepted' | 'corrected';
}
export type DocumentForm = Record<EditableField, FieldState>;

export function formFromProposal(fields: ProposalFieldsView | null): DocumentForm {
  return Object.fromEntries(EDITABLE.map((k) => [k, { value: fields?.[k].value ?? '', status: 'proposed' }])) as DocumentForm;
}

export function unconfirmed(form: DocumentForm): number {
  return EDITABLE.filter((k) => form[k].status === 'proposed').length;
}

interface Props {
  page: { pageId: number; seq: number; width: number; height: number };
  fields: ProposalFieldsView | null;
  form: DocumentForm;
  onChange: (form: DocumentForm) => void;
  title: string;
}

/**
 * One document's proposed metadata beside its first page: each field with its confidence, an accept button, and
 * its box drawn on the page image (the one focused or hovered is emphasised). Editing a field marks it corrected.
 */
export function DocumentProposals({ page, fields, form, onChange, title }: Props) {
  const [active, setActive] = useState<string | null>(null);
  const set = (k: EditableField, s: FieldState) => onChange({ ...form, [k]: s });
  const boxes = fields ? [...EDITABLE, ...REFERENCE].filter((k) => fields[k].box) : [];
  return (
    <section className="document-proposal" data-testid="document-proposal" data-page={page.seq} aria-label={title}>
      <h3>{title}</h3>
      <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div style={{ position: 'relative', width: 'min(420px, 100%)', flex: '0 0 auto' }}>
          <img src={`/api/digitization/pages/${page.pageId}/image`} alt={t.imageAlt(page.seq)} style={{ width: '100%', display: 'block', border: '1px solid #999' }} />
          {boxes.map((k) => {
            const b = fields![k].box!;
            const on = active === k;
            return (
              <div
                key={k}
                data-testid={`box-${k}`}
                title={t.fields[k]}
                style={{
                  position: 'absolute', left: `${(b[0] / page.width) * 100}%`, top: `${(b[1] / page.height) * 100}%`,
                  width: `${((b[2] - b[0]) / page.width) * 100}%`, height: `${((b[3] - b[1]) / page.height) * 100}%`,
                  border: `${on ? 3 : 1}px solid ${fields![k].confidence < LOW_CONFIDENCE ? '#c0392b' : '#1f6feb'}`,
                  background: on ? 'rgba(31,111,235,0.15)' : 'transparent', pointerEvents: 'none',
                }}
              />
            );
          })}
        </div>
        <div className="form-grid" style={{ flex: '1 1 320px' }}>
          {EDITABLE.map((k) => {
            const proposed = fields?.[k];
            const low = !proposed?.value || proposed.confidence < LOW_CONFIDENCE;
            const s = form[k];
            const id = `p${page.pageId}-${k}`;
            return (
              <div key={k} className="field" data-field={k} data-status={s.status} onMouseEnter={() => setActive(k)} onMouseLeave={() => setActive(null)}>
                <label htmlFor={id}>
                  {t.fields[k]}{' '}
                  <small className={low ? 'low-confidence' : undefined} style={low ? { color: '#c0392b' } : undefined}>
                    ({proposed?.value ? t.confidence(proposed.confidence) : t.notRead}{low ? `, ${t.lowConfidence}` : ''})
                  </small>
                </label>
                {k === 'issuedDate' ? (
                  <DateInput value={s.value} onChange={(v) => set(k, { value: v, status: 'corrected' })} />
                ) : k === 'subject' ? (
                  <textarea
                    id={id}
                    rows={3}
                    value={s.value}
                    maxLength={MAX[k]}
                    onFocus={() => setActive(k)}
                    onBlur={() => setActive(null)}
                    onChange={(e) => set(k, { value: e.target.value, status: 'corrected' })}
                  />
                ) : (
                  <input
                    id={id}
                    value={s.value}
                    maxLength={MAX[k]}
                    onFocus={() => setActive(k)}
                    onBlur={() => setActive(null)}
                    onChange={(e) => set(k, { value: e.target.value, status: 'corrected' })}
                  />
                )}
                {s.status === 'proposed' ? (
                  <button type="button" onClick={() => set(k, { ...s, status: 'accepted' })} aria-label={`${t.accept}: ${t.fields[k]}`}>{t.accept}</button>
                ) : (
                  <span role="status">{s.status === 'accepted' ? t.accepted : t.corrected}</span>
                )}
              </div>
            );
          })}
          {fields && (
            <p className="hint">
              {REFERENCE.map((k) => `${t.fields[k]}: ${fields[k].value ?? '—'}`).join(' · ')}. {t.placeNote}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
