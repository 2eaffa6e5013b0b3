// Scaling in the Architecture form: how large each tier may grow while the run goes on, how long
// a new machine takes to serve, and the app tier's autoscaler (its mode, target, size limits and
// pace). Times are shown in seconds, as the autoscaler's lag is talked about; the scenario keeps ms.
import type { Scenario } from '../../sim/index';
import type { AutoscalerPolicy } from '../../sim/scaling/autoscalerSchema';
import { MAX_TIER_SIZE } from '../../sim/scaling/autoscalerSchema';
import { LONGEST_WAIT_MS } from '../../sim/schemaBasics';
import { MAX_CACHE_NODES } from '../../sim/tierSchemas';
import { percentOf, whenOn, type NumberSetting, type Tier } from './tierSetting';

type Scaling = NonNullable<Scenario['scaling']>;
type RoomField = 'maxAppServers' | 'maxStorageNodes' | 'maxCacheNodes';

/** What turning scaling on starts from: no extra room yet, and half a minute to provision. */
export const DEFAULT_SCALING: Scaling = { provisioningMs: 30_000 };
export const DEFAULT_TARGET_UTILIZATION = 0.6;
export const DEFAULT_TARGET_P99_MS = 200;
const HOUR_S = 3600;

const ON = whenOn('scaling');
const AUTOSCALER_ON = [ON, whenOn('scaling.autoscaler')] as const;
const scalingOf = (s: Scenario): Scaling => s.scaling ?? DEFAULT_SCALING;
const scaling = (s: Scenario, patch: Partial<Scaling>): Scenario => ({ ...s, scaling: { ...scalingOf(s), ...patch } });
const roomOf = (s: Scenario) => scalingOf(s).maxAppServers ?? s.appServers.count;
const seconds = (ms: number) => Math.round(ms) / 1000;

/** The autoscaler a scenario has, or the one turning it on starts from (HPA-like pace). */
/** The scenario's autoscaler, or the one the forms start from (an HPA-like pace) when it has none. */
export function autoscalerOf(s: Scenario): AutoscalerPolicy {
  const existing = s.scaling?.autoscaler;
  if (existing) return existing;
  return {
    mode: 'utilization',
    targetUtilization: DEFAULT_TARGET_UTILIZATION,
    minSize: Math.min(s.appServers.count, roomOf(s)),
    maxSize: roomOf(s),
    evaluationIntervalMs: 15_000,
    cooldownMs: 30_000,
    provisioningDelayMs: scalingOf(s).provisioningMs,
    tolerance: 0.1,
    scaleInStabilizationMs: 300_000,
    scaleInMaxStep: MAX_TIER_SIZE,
    scaleInMaxShare: 1,
  };
}

function autoscaler(s: Scenario, patch: Partial<AutoscalerPolicy>): Scenario {
  return scaling(s, { autoscaler: { ...autoscalerOf(s), ...patch } as AutoscalerPolicy });
}

function withMode(s: Scenario, mode: string): Scenario {
  const {
    targetUtilization: _u,
    targetP99Ms: _p,
    ...common
  } = autoscalerOf(s) as AutoscalerPolicy & {
    targetUtilization?: number;
    targetP99Ms?: number;
  };
  const policy: AutoscalerPolicy =
    mode === 'p99'
      ? { ...common, mode: 'p99', targetP99Ms: targetP99Of(s) }
      : { ...common, mode: 'utilization', targetUtilization: targetUtilizationOf(s) };
  return scaling(s, { autoscaler: policy });
}

function targetUtilizationOf(s: Scenario): number {
  const policy = autoscalerOf(s);
  return policy.mode === 'utilization' ? policy.targetUtilization : DEFAULT_TARGET_UTILIZATION;
}

function targetP99Of(s: Scenario): number {
  const policy = autoscalerOf(s);
  return policy.mode === 'p99' ? policy.targetP99Ms : DEFAULT_TARGET_P99_MS;
}

function without<K extends keyof Scaling>(s: Scenario, field: K): Scenario {
  if (s.scaling === undefined) return s;
  const { [field]: _dropped, ...rest } = s.scaling;
  return { ...s, scaling: rest as Scaling };
}

/** The provisioning delay is one figure on screen: the autoscaler's follows it while they agree. */
function withProvisioning(s: Scenario, provisioningMs: number): Scenario {
  const policy = s.scaling?.autoscaler;
  const next = scaling(s, { provisioningMs });
  if (!policy || policy.provisioningDelayMs !== scalingOf(s).provisioningMs) return next;
  return autoscaler(next, { provisioningDelayMs: provisioningMs });
}

function room(field: RoomField, label: string, name: string, max: number, startOf: (s: Scenario) => number) {
  return {
    kind: 'number',
    key: `scaling.${field}`,
    label,
    name,
    unit: 'machines',
    hint: field === 'maxAppServers' ? 'Empty: the size the tier starts with.' : undefined,
    min: 1,
    max,
    step: 1,
    optional: true,
    onlyWhen: field === 'maxCacheNodes' ? [ON, whenOn('cache')] : ON,
    check: (value, s) => {
      const start = startOf(s);
      return value < start ? `must be at least the ${start} the run starts with` : null;
    },
    read: (s) => scalingOf(s)[field],
    write: (s, value) => (value === undefined ? without(s, field) : scaling(s, { [field]: value })),
  } satisfies NumberSetting;
}

function withoutScaling(s: Scenario): Scenario {
  const { scaling: _dropped, ...rest } = s;
  return rest;
}

const AUTOSCALER_PACE: readonly NumberSetting[] = [
  {
    kind: 'number',
    key: 'scaling.autoscaler.minSize',
    label: 'Fewest app servers',
    name: 'Autoscaler fewest servers',
    unit: 'machines',
    min: 1,
    max: MAX_TIER_SIZE,
    step: 1,
    onlyWhen: AUTOSCALER_ON,
    read: (s) => autoscalerOf(s).minSize,
    write: (s, minSize) => autoscaler(s, { minSize }),
  },
  {
    kind: 'number',
    key: 'scaling.autoscaler.maxSize',
    label: 'Most app servers it starts',
    name: 'Autoscaler most servers',
    unit: 'machines',
    hint: 'At most "Most app servers" above.',
    min: 1,
    max: MAX_TIER_SIZE,
    step: 1,
    onlyWhen: AUTOSCALER_ON,
    check: (value, s) => {
      const { minSize } = autoscalerOf(s);
      if (value < minSize) return `must be at least the fewest app servers, ${minSize}`;
      return value > roomOf(s) ? `must not exceed the most app servers the tier may have, ${roomOf(s)}` : null;
    },
    read: (s) => autoscalerOf(s).maxSize,
    write: (s, maxSize) => autoscaler(s, { maxSize }),
  },
  {
    kind: 'number',
    key: 'scaling.autoscaler.evaluationIntervalMs',
    label: 'Looks every',
    name: 'Autoscaler interval',
    unit: 's',
    min: 1,
    max: HOUR_S,
    step: 1,
    onlyWhen: AUTOSCALER_ON,
    read: (s) => seconds(autoscalerOf(s).evaluationIntervalMs),
    write: (s, value) => autoscaler(s, { evaluationIntervalMs: Math.round((value ?? 0) * 1000) }),
  },
  {
    kind: 'number',
    key: 'scaling.autoscaler.cooldownMs',
    label: 'Cooldown after a decision',
    name: 'Autoscaler cooldown',
    unit: 's',
    min: 0,
    max: HOUR_S,
    step: 0.1,
    onlyWhen: AUTOSCALER_ON,
    read: (s) => seconds(autoscalerOf(s).cooldownMs),
    write: (s, value) => autoscaler(s, { cooldownMs: Math.round((value ?? 0) * 1000) }),
  },
];

const AUTOSCALER_SETTINGS: Tier['settings'] = [
  {
    kind: 'toggle',
    key: 'scaling.autoscaler',
    label: 'Autoscaler for the app servers',
    name: 'Autoscaler',
    onlyWhen: ON,
    read: (s) => s.scaling?.autoscaler !== undefined,
    write: (s, on) => (on ? autoscaler(s, {}) : without(s, 'autoscaler')),
  },
  {
    kind: 'choice',
    key: 'scaling.autoscaler.mode',
    label: 'Scale on',
    name: 'Autoscaler mode',
    options: [
      { value: 'utilization', label: 'Utilization (share of workers busy)' },
      { value: 'p99', label: 'p99 latency' },
    ],
    onlyWhen: AUTOSCALER_ON,
    read: (s) => autoscalerOf(s).mode,
    write: withMode,
  },
  {
    kind: 'number',
    key: 'scaling.autoscaler.targetUtilization',
    label: 'Target utilization',
    name: 'Autoscaler target utilization',
    unit: '% of workers busy',
    hint: 'At most 90%: a 10% tolerance must fit below 100%.',
    min: 1,
    max: 90,
    step: 1,
    onlyWhen: [...AUTOSCALER_ON, { key: 'scaling.autoscaler.mode', is: 'utilization' }],
    read: (s) => percentOf(targetUtilizationOf(s)),
    write: (s, percent) => autoscaler(withMode(s, 'utilization'), { targetUtilization: (percent ?? 0) / 100 }),
  },
  {
    kind: 'number',
    key: 'scaling.autoscaler.targetP99Ms',
    label: 'Target p99',
    name: 'Autoscaler target p99',
    unit: 'ms',
    min: 0.1,
    max: LONGEST_WAIT_MS,
    step: 0.1,
    onlyWhen: [...AUTOSCALER_ON, { key: 'scaling.autoscaler.mode', is: 'p99' }],
    read: (s) => targetP99Of(s),
    write: (s, targetP99Ms) => autoscaler(withMode(s, 'p99'), { targetP99Ms }),
  },
  ...AUTOSCALER_PACE,
];

export const SCALING_TIER: Tier = {
  id: 'scaling',
  label: 'Scaling',
  settings: [
    {
      kind: 'toggle',
      key: 'scaling',
      label: 'Add and remove machines while it runs',
      name: 'Scaling',
      read: (s) => s.scaling !== undefined,
      write: (s, on) => (on ? scaling(s, {}) : withoutScaling(s)),
    },
    room('maxAppServers', 'Most app servers', 'Most app servers', MAX_TIER_SIZE, (s) => s.appServers.count),
    room('maxStorageNodes', 'Most storage nodes', 'Most storage nodes', 1000, (s) => s.storage.count),
    room('maxCacheNodes', 'Most cache nodes', 'Most cache nodes', MAX_CACHE_NODES, (s) => s.cache?.nodes ?? 1),
    {
      kind: 'number',
      key: 'scaling.provisioningMs',
      label: 'Provisioning delay',
      name: 'Provisioning delay',
      unit: 's before a new machine serves',
      min: 0,
      max: LONGEST_WAIT_MS / 1000,
      step: 0.1,
      onlyWhen: ON,
      read: (s) => seconds(scalingOf(s).provisioningMs),
      write: (s, value) => withProvisioning(s, Math.round((value ?? 0) * 1000)),
    },
    ...AUTOSCALER_SETTINGS,
  ],
};
