/** Pieces the backlog and restoration lists share: the XLSX/CSV import panel and a delete button that asks twice. */
import { useState } from 'react';
import { useAction } from '../../hooks.js';
import { vi } from '../../i18n/vi.js';
import type { ItemImportCounts } from '../../types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { ImportWithPreview } from '../../components/ImportWithPreview.js';

const s = vi.sched;

export function ImportItems(props: {
  label: string; hint: string; testId: string; onDone: () => void;
  upload: (file: File, preview: boolean) => Promise<ItemImportCounts>; imported: (created: number, updated: number) => string;
}) {
  return (
    <div>
      <p className="muted small">{props.hint}</p>
      <ImportWithPreview label={props.label} send={props.upload} testId={props.testId} refusedTitle={s.importRefused} onDone={props.onDone}
        willDo={(r) => vi.importPreview.counts(r.created, r.updated)} done={(r) => props.imported(r.created, r.updated)} />
    </div>
  );
}

/** First click arms, second click deletes; no native dialog, so it reads the same in every browser. */
export function DeleteItem({ remove, onDone }: { remove: () => Promise<unknown>; onDone: () => void }) {
  const action = useAction();
  const [armed, setArmed] = useState(false);
  const click = async () => {
    if (!armed) return setArmed(true);
    if (await action.run(remove)) onDone();
  };
  return (
    <>
      <button type="button" className={armed ? 'danger' : undefined} disabled={action.busy} onClick={click}>{armed ? s.confirmDelete : s.deleteItem}</button>
      <ErrorMessage error={action.error} />
    </>
  );
}
