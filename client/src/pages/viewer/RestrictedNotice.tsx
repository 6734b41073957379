import { useState } from 'react';
import { api, ApiError } from '../../api.js';
import { useAction, useAsync, useSession } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field, Loading } from '../../components/ui.js';

const t = vi.circ;

/**
 * What the viewer shows instead of "not found" when a researcher lacks the right to a restricted file: the server
 * says restricted (with the request button) only for restricted, not secret, files; anything else stays the error.
 */
export function RestrictedOr({ error, fileId, pageId }: { error: unknown; fileId?: number; pageId?: number }) {
  const { user } = useSession();
  const asks = error instanceof ApiError && error.status === 404 && user.role === 'researcher';
  const state = useAsync(
    () => (!asks ? Promise.resolve(null) : fileId ? api.circ.fileAccess(fileId) : pageId ? api.circ.pageAccess(pageId) : Promise.resolve(null)),
    [asks, fileId, pageId],
  );
  const action = useAction();
  const [purpose, setPurpose] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  if (!asks) return <ErrorMessage error={error} />;
  if (state.loading) return <Loading />;
  const s = state.data;
  if (!s || s.state !== 'restricted') return <ErrorMessage error={error} />;
  const pending = s.pendingRequestId != null;
  return (
    <div className="card" data-testid="restricted-notice">
      <h2>{t.restrictedTitle}</h2>
      <p>{t.restrictedBody}</p>
      {sent ? <div className="alert alert-ok" role="status">{sent}</div> : pending ? <div className="alert alert-info">{t.requestPending}</div> : (
        <form className="form-grid" onSubmit={async (e) => {
          e.preventDefault();
          const r = await action.run(() => api.circ.requestAccess({ recordFileId: s.recordFileId, purpose: purpose || null }));
          if (r) setSent(t.requestSent(r.requestNo, r.requestYear));
        }}>
          <Field label={t.requestPurpose} wide><input value={purpose} maxLength={1000} onChange={(e) => setPurpose(e.target.value)} /></Field>
          <div className="form-actions"><button type="submit" className="primary" disabled={action.busy}>{t.requestAccess}</button></div>
        </form>
      )}
      <ErrorMessage error={action.error} />
    </div>
  );
}
