import { useRef, useState } from 'react';
import { vi } from '../i18n/vi.js';

/**
 * A file chooser plus an upload button; the parent does the request and shows the result.
 * The native input is visually hidden because its "Choose File" text follows the browser's language, not ours.
 */
export function FileUpload(props: { label: string; busy: boolean; onUpload: (file: File) => void; name?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = () => {
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) props.onUpload(file);
  };
  return (
    <div className="upload">
      <label className="button">
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          name={props.name ?? 'file'}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            setMissing(false);
            setFileName(e.target.files?.[0]?.name ?? null);
          }}
        />
        {vi.common.chooseFile}
      </label>
      <span className={fileName ? 'file-name' : 'muted'}>{fileName ?? vi.common.noFileChosen}</span>
      <button type="button" className="primary" disabled={props.busy} onClick={submit}>
        {props.busy ? vi.common.loading : props.label}
      </button>
      {missing && <span className="field-error">{vi.common.noFile}</span>}
    </div>
  );
}
