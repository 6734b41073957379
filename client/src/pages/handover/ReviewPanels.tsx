import { useState, type FormEvent } from 'react';
import { api } from '../../api.js';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { Handover } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Section } from '../../components/ui.js';

interface CommentDraft {
  rowNo: string;
  comment: string;
}

/** Step 4: the centre's appraisal (thẩm định) with a conclusion and optional per-row comments. */
export function AppraisePanel({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [summary, setSummary] = useState('');
  const [comments, setComments] = useState<CommentDraft[]>([]);
  const action = useAction();
  const setComment = (i: number, patch: Partial<CommentDraft>) => setComments(comments.map((c, n) => (n === i ? { ...c, ...patch } : c)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = comments
      .filter((c) => c.comment.trim())
      .map((c) => ({ rowNo: c.rowNo.trim() ? Number(c.rowNo) : null, comment: c.comment.trim() }));
    const r = await action.run(() => api.handovers.appraise(h.id, summary.trim(), list));
    if (r) onDone();
  };
  return (
    <Section title={vi.wizard.appraiseTitle}>
      <form className="stack-gap" onSubmit={submit}>
        <Field label={vi.wizard.appraiseSummary} wide>
          <textarea name="appraisalSummary" rows={3} required value={summary} onChange={(e) => setSummary(e.target.value)} />
        </Field>
        {comments.map((c, i) => (
          <div className="inline comment-row" key={i}>
            <Field label={vi.wizard.commentRow}>
              <input type="number" min={1} className="narrow" value={c.rowNo} onChange={(e) => setComment(i, { rowNo: e.target.value })} />
            </Field>
            <Field label={vi.wizard.comment} wide>
              <input name={`comment-${i}`} value={c.comment} onChange={(e) => setComment(i, { comment: e.target.value })} />
            </Field>
            <button type="button" onClick={() => setComments(comments.filter((_, n) => n !== i))}>{vi.common.remove}</button>
          </div>
        ))}
        <div className="form-actions">
          <button type="button" onClick={() => setComments([...comments, { rowNo: '', comment: '' }])}>{vi.wizard.addComment}</button>
          <button type="submit" className="primary" disabled={action.busy}>{vi.wizard.appraise}</button>
        </div>
        <ErrorMessage error={action.error} />
      </form>
    </Section>
  );
}

/** Step 5: Sở Nội vụ approves the deposit list; the centre records the approving document. */
export function ApprovePanel({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [decision, setDecision] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.handovers.approve(h.id, decision.trim()));
    if (r) onDone();
  };
  return (
    <Section title={vi.wizard.approveTitle}>
      <form className="inline" onSubmit={submit}>
        <Field label={vi.wizard.approvalDecision} wide>
          <input name="approvalDecision" required value={decision} onChange={(e) => setDecision(e.target.value)} placeholder={vi.wizard.approvalPlaceholder} />
        </Field>
        <button type="submit" className="primary" disabled={action.busy}>{vi.wizard.approve}</button>
      </form>
      <ErrorMessage error={action.error} />
    </Section>
  );
}

/** Sends the handover back to the agency as a draft, with the reason it has to fix. */
export function ReturnPanel({ h, onDone }: { h: Handover; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.handovers.returnToDraft(h.id, reason.trim()));
    if (r) onDone();
  };
  if (!open) {
    return (
      <p>
        <button type="button" className="danger-outline" onClick={() => setOpen(true)}>{vi.wizard.returnTitle}</button>
      </p>
    );
  }
  return (
    <Section title={vi.wizard.returnTitle}>
      <form className="inline" onSubmit={submit}>
        <Field label={vi.wizard.returnReason} wide>
          <input required value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <button type="submit" className="danger" disabled={action.busy}>{vi.wizard.return}</button>
        <button type="button" onClick={() => setOpen(false)}>{vi.common.cancel}</button>
      </form>
      <ErrorMessage error={action.error} />
    </Section>
  );
}
