import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { useAction, useAsync } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Section } from './ui.js';

/** Offered to the administrator only while the database is empty; the server loads in the background. */
export function DemoPanel({ onDone }: { onDone: () => void }) {
  const s = useAsync(() => api.setup.demo(), []);
  const start = useAction();
  const [watching, setWatching] = useState(false);
  const state = s.data?.state;
  useEffect(() => {
    if (state === 'running') setWatching(true);
    if (state === 'done' && watching) onDone();
    if (state !== 'running') return;
    const t = setTimeout(s.reload, 1500);
    return () => clearTimeout(t);
    // Re-armed by each status answer: polls while the server is still loading.
  }, [s.data]);
  // Shown while the database is empty, and afterwards only to report the load this page watched.
  if (!s.data || (!s.data.empty && !watching)) return null;
  const log = s.data.log.slice(-5);
  return (
    <Section title={state === 'idle' ? vi.dashboard.demoTitle : vi.dashboard.demoTitleLoading}>
      {state === 'idle' && (
        <div className="inline">
          <span className="muted">{vi.dashboard.demoHint}</span>
          <button type="button" className="primary" disabled={start.busy} onClick={() => start.run(api.setup.startDemo).then(s.reload)}>
            {vi.dashboard.demoLoad}
          </button>
        </div>
      )}
      {state === 'running' && <p>{vi.dashboard.demoRunning}</p>}
      {state === 'done' && <div className="alert alert-ok">{vi.dashboard.demoDone}</div>}
      {state === 'failed' && <div className="alert alert-error">{vi.dashboard.demoFailed} {s.data.error}</div>}
      {log.length > 0 && state !== 'idle' && (
        <ul className="small muted plain-list">
          {log.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <ErrorMessage error={start.error} />
    </Section>
  );
}
