// A slider with a number box beside it, both showing one value. Dragging or arrow keys change a
// draft; the change is applied when the pointer or key is released (not on every pixel), and a
// typed number on Enter or when focus leaves.
import { useId, useState, type KeyboardEvent } from 'react';
import { fieldText, parseDraft, type NumberRule } from './numberDraft';
import './fields.css';
import { FieldMessages } from './FieldMessages';

export interface RangeFieldProps extends NumberRule {
  readonly label: string;
  readonly value: number;
  readonly onCommit: (value: number) => void;
  /** Slider ends; the number box may go beyond `sliderMax` up to `max`. */
  readonly sliderMin: number;
  readonly sliderMax: number;
  readonly step: number;
  readonly hint?: string;
  readonly disabled?: boolean;
  /** Commit slider moves as they happen (for form values that send nothing by themselves). */
  readonly live?: boolean;
}

const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

export function RangeField({
  label,
  value,
  onCommit,
  sliderMin,
  sliderMax,
  step,
  hint,
  disabled,
  live,
  ...rule
}: RangeFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commitText = (text: string | null) => {
    if (text === null) return;
    const parsed = parseDraft(text, rule);
    if (!parsed.ok) return setError(parsed.error);
    setDraft(null);
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };
  const edit = (text: string, fromSlider: boolean) => {
    setError(null);
    if (live && fromSlider) commitText(text);
    else setDraft(text);
  };
  const onBoxKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commitText(draft);
    if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      setDraft(null);
      setError(null);
    }
  };
  const parsedDraft = draft === null ? null : parseDraft(draft, rule);
  const shown = parsedDraft?.ok ? parsedDraft.value : value;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field range-field">
      <label id={`${id}-label`} htmlFor={`${id}-box`}>
        {label}
      </label>
      <div className="range-row">
        <input
          type="range"
          aria-labelledby={`${id}-label`}
          aria-describedby={hint ? `${id}-hint` : undefined}
          min={sliderMin}
          max={sliderMax}
          step={step}
          value={Math.min(Math.max(shown, sliderMin), sliderMax)}
          disabled={disabled}
          onChange={(e) => edit(e.target.value, true)}
          // Captured, so the release is seen even when the pointer ends up off the slider.
          onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
          onPointerUp={(e) => commitText(e.currentTarget.value)}
          onKeyUp={(e) => SLIDER_KEYS.has(e.key) && commitText(e.currentTarget.value)}
          onBlur={() => commitText(draft)}
        />
        <input
          id={`${id}-box`}
          type="number"
          inputMode="decimal"
          className="range-box"
          value={draft ?? fieldText(value)}
          min={rule.min}
          max={rule.max}
          step="any"
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={describedBy}
          onChange={(e) => edit(e.target.value, false)}
          onKeyDown={onBoxKeyDown}
          onBlur={() => commitText(draft)}
        />
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
