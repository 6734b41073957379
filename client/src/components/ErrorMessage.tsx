import { ApiError } from '../api.js';
import { vi } from '../i18n/vi.js';

interface FieldIssue {
  path?: string;
  message?: string;
}

/** A field label for a validation path like "body.scheduledMonth" → "scheduledMonth". */
function issueText(i: FieldIssue): string {
  const field = (i.path ?? '').split('.').pop() || '';
  // zod's built-in messages are English; only the server's own (Vietnamese) messages are shown verbatim.
  const message = i.message && /[^\x00-\x7f]/.test(i.message) ? i.message : vi.errors.invalidField;
  return field ? `${field}: ${message}` : message;
}

/** Shows any error in Vietnamese: the server's message, or our wording for network and unknown failures. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return (
        <div className="alert alert-error" role="alert">
          <strong>{vi.errors.forbiddenTitle}</strong>
          <div>{error.message}</div>
        </div>
      );
    }
    const issues = error.code === 'VALIDATION_FAILED' && Array.isArray(error.details) ? (error.details as FieldIssue[]) : [];
    return (
      <div className="alert alert-error" role="alert">
        {error.message}
        {issues.length > 0 && (
          <ul className="issues">
            {issues.slice(0, 20).map((i, n) => (
              <li key={n}>{issueText(i)}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert">
      {vi.errors.unexpected}
    </div>
  );
}

export function Forbidden() {
  return (
    <div className="alert alert-error" role="alert">
      <strong>{vi.errors.forbiddenTitle}</strong>
      <div>{vi.errors.forbidden}</div>
    </div>
  );
}
