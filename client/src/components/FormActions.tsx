/** The foot of an edit form: the save error, "Lưu" (disabled while saving) and "Hủy". */
import { vi } from '../i18n/vi.js';
import { ErrorMessage } from './ErrorMessage.js';

export function FormActions(props: { error: unknown; busy: boolean; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <ErrorMessage error={props.error} />
      <button type="submit" className="primary" disabled={props.busy}>{vi.common.save}</button>
      <button type="button" onClick={props.onCancel}>{vi.common.cancel}</button>
    </div>
  );
}
