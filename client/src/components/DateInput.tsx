/**
 * A calendar day typed as dd/mm/yyyy whatever the browser's locale: an <input type="date"> follows the operating
 * system and reads month-first on an en-US machine ("12/02/2026" for 2 December). The value in and out is ISO
 * 'YYYY-MM-DD' (what the API takes), or '' while the field is empty or not yet a real day.
 */
import { useEffect, useRef, useState } from 'react';
import { dayInputText, maskDayInput, parseDayInput } from '../format.js';
import { vi } from '../i18n/vi.js';

export interface DateInputProps {
  value: string;
  onChange: (iso: string) => void;
  id?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
}

export function DateInput(props: DateInputProps) {
  const [text, setText] = useState(() => dayInputText(props.value));
  const ref = useRef<HTMLInputElement>(null);
  // A value set from outside (a reset, a loaded record) replaces the text, unless the text already means it.
  useEffect(() => {
    if ((parseDayInput(text) ?? '') !== props.value) setText(dayInputText(props.value));
    // Only an outside change of the value matters here; the text follows typing on its own.
  }, [props.value]);
  const invalid = text.trim() !== '' && parseDayInput(text) === null;
  useEffect(() => {
    // The form refuses to submit a day that does not exist, with our message instead of the browser's.
    ref.current?.setCustomValidity(invalid ? vi.dates.invalid : '');
  }, [invalid]);
  const change = (raw: string) => {
    const t = maskDayInput(raw);
    setText(t);
    props.onChange(parseDayInput(t) ?? '');
  };
  return (
    <input
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="date-input"
      id={props.id}
      name={props.name}
      required={props.required}
      disabled={props.disabled}
      aria-label={props['aria-label']}
      aria-invalid={invalid || undefined}
      placeholder={vi.dates.placeholder}
      title={invalid ? vi.dates.invalid : vi.dates.hint}
      maxLength={10}
      value={text}
      onChange={(e) => change(e.target.value)}
      // "2/12/2026" or a pasted "2026-12-02" is shown in full form once the user moves on.
      onBlur={() => {
        const iso = parseDayInput(text);
        if (iso) setText(dayInputText(iso));
      }}
    />
  );
}
/** Lets <Field> give the input its label (it does so for single form controls). */
DateInput.formControl = true;
