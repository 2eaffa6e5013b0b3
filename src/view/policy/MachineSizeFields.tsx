// "Bigger machines": each tier's machine size while the run goes on (×1 as at the start, ×2, ×4),
// read from the frame's per-node speed. One scaleUp command per change; every machine of the
// tier, and every one added later, serves that many times faster from then on.
import type { NodeKind } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { SelectField, type SelectOption } from '../controls/SelectField';

type Tier = 'app' | 'cache' | 'storage';

const TIERS: readonly { tier: Tier; label: string; words: string }[] = [
  { tier: 'app', label: 'App server machines', words: 'App servers' },
  { tier: 'cache', label: 'Cache node machines', words: 'Cache nodes' },
  { tier: 'storage', label: 'Storage node machines', words: 'Storage nodes' },
];

const FACTORS = [1, 2, 4] as const;
const FACTOR_WORDS: Readonly<Record<number, string>> = {
  1: '×1 (as at the start)',
  2: '×2 (twice as fast)',
  4: '×4 (four times as fast)',
};

/** The tier's machine speed now: its first node's (scaleUp sets every node of a tier alike). */
function speedOf(s: AppState, kind: NodeKind): number {
  const index = s.topology?.nodes.findIndex((n) => n.kind === kind) ?? -1;
  return index < 0 ? 1 : (s.frame?.nodeSpeed[index] ?? 1);
}
const SPEED_SELECTORS: Readonly<Record<Tier, (s: AppState) => number>> = {
  app: (s) => speedOf(s, 'app'),
  cache: (s) => speedOf(s, 'cache'),
  storage: (s) => speedOf(s, 'storage'),
};
const selectHasCache = (s: AppState) => s.scenario.cache !== undefined;

/** ×1, ×2, ×4, and the speed now if a file or link set another (×1.5 stays choosable). */
function optionsWith(speed: number): SelectOption<string>[] {
  const values = FACTORS.includes(speed as (typeof FACTORS)[number])
    ? [...FACTORS]
    : [...FACTORS, speed].sort((a, b) => a - b);
  return values.map((v) => ({ value: String(v), label: FACTOR_WORDS[v] ?? `×${v}` }));
}

function TierMachines({ tier, label, words }: { tier: Tier; label: string; words: string }) {
  const actions = useApp(selectActions);
  const speed = useApp(SPEED_SELECTORS[tier]);
  return (
    <SelectField
      label={label}
      value={String(speed)}
      options={optionsWith(speed)}
      onChange={(v) => actions.apply({ type: 'scaleUp', tier, factor: Number(v) }, `${words}: ×${v} machines`)}
    />
  );
}

export function MachineSizeFields() {
  const hasCache = useApp(selectHasCache);
  return (
    <fieldset className="form-group" data-testid="machine-sizes">
      <legend>Bigger machines</legend>
      <p className="field-hint">Work already started keeps its pace; new work runs at the new speed.</p>
      {TIERS.filter((t) => t.tier !== 'cache' || hasCache).map((t) => (
        <TierMachines key={t.tier} {...t} />
      ))}
    </fieldset>
  );
}
