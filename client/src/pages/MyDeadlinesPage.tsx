import { useState } from 'react';
import { api } from '../api.js';
import { useAsync, useSession } from '../hooks.js';
import { vi } from '../i18n/vi.js';
import { DeadlinesView } from '../components/DeadlinesView.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { RegisterImport } from '../components/RegisterImport.js';
import { RemindersList } from '../components/RemindersList.js';
import { Loading, Section } from '../components/ui.js';

/** The agency account's home: its own files and when each must go to the historical archive. */
export function MyDeadlinesPage() {
  const { user } = useSession();
  const r = useAsync(() => api.deadlines.mine(), []);
  const [showImport, setShowImport] = useState(false);
  if (r.loading && !r.data) return <Loading />;
  if (!r.data) return <ErrorMessage error={r.error} />;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{vi.deadlines.title(r.data.agency.name)}</h1>
        <button type="button" onClick={() => setShowImport((v) => !v)}>
          {vi.agency.registerImport}
        </button>
      </div>
      {showImport && user.agencyId !== null && (
        <Section title={vi.agency.registerImport}>
          <RegisterImport agencyId={user.agencyId} onDone={r.reload} />
        </Section>
      )}
      <RemindersList staff={false} />
      <DeadlinesView data={r.data} />
    </div>
  );
}
