// A labelled number input whose text is part of a larger draft (the autoscaler form): nothing is
// sent when it changes; the form's Apply checks every field and puts each message under its own.
import { useId } from 'react';
import { FieldMessages } from '../controls/FieldMessages';

export function DraftNumberInput({
  label,
  value,
  onChange,
  error,
  hint,
  step = 1,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly error: string | undefined;
  readonly hint?: string | undefined;
  readonly step?: number;
}) {
  const id = useId();
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        style={{ width: '8ch' }}
        step={step}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
