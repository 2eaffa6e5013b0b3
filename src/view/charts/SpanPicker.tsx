// Chooses how much history the charts show. View-only state: it never reaches the simulation.
import { SPANS_S, type SpanS } from './chartData';

export function spanText(spanS: number): string {
  return spanS < 60 ? `${spanS} s` : `${spanS / 60} min`;
}

interface SpanPickerProps {
  readonly value: SpanS;
  readonly onChange: (span: SpanS) => void;
}

export function SpanPicker({ value, onChange }: SpanPickerProps) {
  return (
    <fieldset className="chart-span-picker">
      <legend>Show the last</legend>
      {SPANS_S.map((span) => (
        <label key={span} className={span === value ? 'checked' : undefined}>
          <input type="radio" name="chart-span" value={span} checked={span === value} onChange={() => onChange(span)} />
          {spanText(span)}
        </label>
      ))}
    </fieldset>
  );
}
