// A share of the requests (reads, searches) as a percentage, with a slider from 0 to 100%.
import { RangeField } from '../controls/RangeField';

export function ShareField({
  label,
  hint,
  percent,
  onCommit,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly percent: number;
  readonly onCommit: (percent: number) => void;
}) {
  return (
    <RangeField
      label={label}
      hint={hint}
      value={percent}
      min={0}
      max={100}
      sliderMin={0}
      sliderMax={100}
      step={1}
      onCommit={onCommit}
    />
  );
}
