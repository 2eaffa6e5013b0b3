// The cache's policies while the run goes on (only when the scenario has a cache): what a write
// does to the cached key, how long a value lives, and the two mitigations for a cold or failing
// cache. Each change is one setCache command with only the field that changed.
import { useId } from 'react';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';
import { WRITE_POLICY_OPTIONS, writePolicyOf } from '../architecture/cacheTier';
import { NumberField } from '../controls/NumberField';
import { SelectField, type SelectOption } from '../controls/SelectField';

type CachePolicy = Pick<
  NonNullable<AppState['scenario']['cache']>,
  'writePolicy' | 'ttlMs' | 'coalescing' | 'serveStaleOnError'
>;
type WritePolicy = CachePolicy['writePolicy'];

const OPTIONS = WRITE_POLICY_OPTIONS as readonly SelectOption<WritePolicy>[];

/** The running cache's policies (the frame's, or the scenario's before the first frame); null without a cache. */
const cacheOf = (s: AppState): CachePolicy | null => s.frame?.cache ?? s.scenario.cache ?? null;
const selectHasCache = (s: AppState) => s.scenario.cache !== undefined;
const selectWritePolicy = (s: AppState) => cacheOf(s)?.writePolicy ?? 'invalidate';
const selectTtl = (s: AppState) => cacheOf(s)?.ttlMs ?? 0;
const selectCoalescing = (s: AppState) => cacheOf(s)?.coalescing ?? false;
const selectServeStale = (s: AppState) => cacheOf(s)?.serveStaleOnError ?? false;

export function CacheFields() {
  const hasCache = useApp(selectHasCache);
  return hasCache ? <CachePolicyFields /> : null;
}

function CachePolicyFields() {
  const actions = useApp(selectActions);
  const writePolicy = useApp(selectWritePolicy);
  const ttlMs = useApp(selectTtl);
  const coalescing = useApp(selectCoalescing);
  const serveStale = useApp(selectServeStale);
  const setCache = (policy: Partial<CachePolicy>, label: string) => actions.apply({ type: 'setCache', policy }, label);
  const optionLabel = (v: WritePolicy) => OPTIONS.find((o) => o.value === v)?.label ?? v;

  return (
    <fieldset className="form-group" data-testid="cache-policy">
      <legend>Cache</legend>
      <SelectField
        label="On a write"
        value={writePolicy}
        options={OPTIONS}
        onChange={(v) => setCache({ writePolicy: writePolicyOf(v) }, `Cache on a write: ${optionLabel(v)}`)}
      />
      <NumberField
        label="Time to live (ms, 0 = until evicted)"
        value={ttlMs}
        min={0}
        max={86_400_000}
        size={8}
        onCommit={(v) => setCache({ ttlMs: v }, v === 0 ? 'Cache TTL off' : `Cache TTL ${v} ms`)}
      />
      <CheckField
        label="Coalesce misses (one storage read per key in flight)"
        checked={coalescing}
        onChange={(on) => setCache({ coalescing: on }, on ? 'Coalescing on' : 'Coalescing off')}
      />
      <CheckField
        label="Serve a stale value when storage fails"
        checked={serveStale}
        onChange={(on) => setCache({ serveStaleOnError: on }, on ? 'Serve stale on error' : 'No stale on error')}
      />
    </fieldset>
  );
}

function CheckField({
  label,
  checked,
  onChange,
}: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
