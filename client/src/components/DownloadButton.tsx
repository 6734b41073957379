/** A button that fetches a file download; a failure shows its Vietnamese message next to the button. */
import { useAction } from '../hooks.js';
import { ErrorMessage } from './ErrorMessage.js';

export function DownloadButton({ label, title, download }: { label: string; title?: string; download: () => Promise<void> }) {
  const action = useAction();
  return (
    <span>
      <button type="button" title={title} disabled={action.busy} onClick={() => void action.run(download)}>
        {label}
      </button>
      <ErrorMessage error={action.error} />
    </span>
  );
}
