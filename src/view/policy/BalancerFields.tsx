// The load balancer: how it picks an app server, whether it health-checks them, and how many
// requests each server may queue before it rejects more.
import type { Policy } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp } from '../../store/context';
import { NumberField } from '../controls/NumberField';
import { SelectField, type SelectOption } from '../controls/SelectField';
import { policyOf, useSetPolicy } from './usePolicy';

type Strategy = Policy['lbStrategy'];

const STRATEGIES: readonly SelectOption<Strategy>[] = [
  { value: 'round-robin', label: 'Round robin' },
  { value: 'least-outstanding', label: 'Least outstanding requests' },
  { value: 'power-of-two', label: 'Power of two choices' },
];

const selectStrategy = (s: AppState) => policyOf(s).lbStrategy;
const selectHealthChecks = (s: AppState) => policyOf(s).healthChecks;
const selectInterval = (s: AppState) => policyOf(s).healthCheckIntervalMs;
const selectThreshold = (s: AppState) => policyOf(s).unhealthyThreshold;
const selectQueueLimit = (s: AppState) => policyOf(s).queueLimit;

export function BalancerFields() {
  const setPolicy = useSetPolicy();
  const strategy = useApp(selectStrategy);
  const healthChecks = useApp(selectHealthChecks);
  const intervalMs = useApp(selectInterval);
  const threshold = useApp(selectThreshold);
  const queueLimit = useApp(selectQueueLimit);
  return (
    <fieldset className="form-group">
      <legend>Load balancer and queues</legend>
      <SelectField
        label="Load-balancer strategy"
        value={strategy}
        options={STRATEGIES}
        onChange={(v) =>
          setPolicy({ lbStrategy: v }, `Load balancer: ${STRATEGIES.find((o) => o.value === v)?.label ?? v}`)
        }
      />
      <div className="check-field">
        <input
          id="policy-health-checks"
          type="checkbox"
          checked={healthChecks}
          onChange={(e) =>
            setPolicy({ healthChecks: e.target.checked }, e.target.checked ? 'Health checks on' : 'Health checks off')
          }
        />
        <label htmlFor="policy-health-checks">Health checks (drop failing servers)</label>
      </div>
      <NumberField
        label="Health-check interval (ms)"
        value={intervalMs}
        min={1}
        max={600_000}
        size={7}
        disabled={!healthChecks}
        onCommit={(v) => setPolicy({ healthCheckIntervalMs: v }, `Health checks every ${v} ms`)}
      />
      <NumberField
        label="Failed checks before removal"
        value={threshold}
        integer
        min={1}
        max={10}
        size={3}
        disabled={!healthChecks}
        onCommit={(v) => setPolicy({ unhealthyThreshold: v }, `Remove after ${v} failed checks`)}
      />
      <NumberField
        label="Queue limit per app server (requests)"
        value={queueLimit}
        integer
        min={0}
        max={10_000}
        size={6}
        hint="Requests beyond it are rejected at once."
        onCommit={(v) => setPolicy({ queueLimit: v }, `Queue limit ${v}`)}
      />
    </fieldset>
  );
}
