// A labelled number input that shows the simulation's value and applies a change on Enter or
// when focus leaves. While the user types, the text is a draft; a draft that breaks a rule stays
// in the field with a message, and nothing is sent.
import { useId, useState, type KeyboardEvent } from 'react';
import { fieldText, parseDraft, type NumberRule } from './numberDraft';
import './fields.css';
import { FieldMessages } from './FieldMessages';

export interface NumberFieldProps extends NumberRule {
  readonly label: string;
  /** The value the simulation (or the form) currently has. */
  readonly value: number;
  readonly onCommit: (value: number) => void;
  readonly step?: number;
  readonly hint?: string;
  readonly disabled?: boolean;
  /** Width of the input in characters. */
  readonly size?: number;
}

export function NumberField({ label, value, onCommit, step, hint, disabled, size = 7, ...rule }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const parsed = parseDraft(draft, rule);
    if (!parsed.ok) return setError(parsed.error);
    setDraft(null);
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      setDraft(null);
      setError(null);
    }
  };
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        style={{ width: `${size + 2}ch` }}
        value={draft ?? fieldText(value)}
        min={rule.min}
        max={rule.max}
        step={step ?? (rule.integer ? 1 : 'any')}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={describedBy}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
