// Random hardware faults: disks and machines fail after exponentially distributed lifetimes.
// Real lifetimes are years, so hardware time can run faster than simulated time ("time
// compression"); every value shown is the simulation's own.
import { useId, useMemo } from 'react';
import type { AppState } from '../../store/appStore';
import { selectActions } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/context';
import { NumberField } from '../controls/NumberField';
import { SelectField, type SelectOption } from '../controls/SelectField';
import { fleetCounts, hardwareOddsText } from './hardwareOdds';

type HardwareChange = { diskMttfHours?: number; nodeMttfHours?: number; timeCompression?: number; enabled?: boolean };

const COMPRESSIONS: readonly SelectOption<string>[] = [
  { value: '1', label: '1x (real time)' },
  { value: '60', label: '60x (1 s = 1 min)' },
  { value: '3600', label: '3,600x (1 s = 1 h)' },
  { value: '86400', label: '86,400x (1 s = 1 day)' },
];

const hardwareOf = (s: AppState) => s.frame?.hardware ?? s.scenario.hardwareFaults;
const selectEnabled = (s: AppState) => hardwareOf(s).enabled;
const selectDiskMttf = (s: AppState) => hardwareOf(s).diskMttfHours;
const selectNodeMttf = (s: AppState) => hardwareOf(s).nodeMttfHours;
const selectCompression = (s: AppState) => hardwareOf(s).timeCompression;
const selectHardwareClock = (s: AppState) => {
  const hours = (s.shown.frame?.hardwareTimeMs ?? 0) / 3_600_000; // redrawn with the other slow views
  return hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`;
};

const selectTopology = (s: AppState) => s.topology;

function HardwareStatus() {
  const enabled = useApp(selectEnabled);
  const clock = useApp(selectHardwareClock);
  const diskMttfHours = useApp(selectDiskMttf);
  const nodeMttfHours = useApp(selectNodeMttf);
  const timeCompression = useApp(selectCompression);
  const topology = useApp(selectTopology);
  const odds = useMemo(
    () => hardwareOddsText({ diskMttfHours, nodeMttfHours, timeCompression }, fleetCounts(topology)),
    [diskMttfHours, nodeMttfHours, timeCompression, topology],
  );
  return (
    <>
      <p className="panel-status" data-state={enabled ? 'active' : 'calm'} data-testid="hardware-status">
        {enabled ? `On: hardware has aged ${clock} so far.` : 'Off: disks and machines fail only when you break them.'}
      </p>
      {/* Shown while off too: the learner sees what turning it on would do before doing it. */}
      <p className="panel-note" data-testid="hardware-odds">
        {odds}
      </p>
    </>
  );
}

export function HardwareFaultsForm() {
  const id = useId();
  const store = useAppStore();
  const actions = useApp(selectActions);
  const enabled = useApp(selectEnabled);
  const diskMttfHours = useApp(selectDiskMttf);
  const nodeMttfHours = useApp(selectNodeMttf);
  const compression = useApp(selectCompression);

  const send = (change: HardwareChange) => {
    const now = hardwareOf(store.getState());
    const next = { enabled: now.enabled, ...change };
    actions.apply({ type: 'setHardwareFaults', ...next }, next.enabled ? 'Hardware faults on' : 'Hardware faults off');
  };
  const options = COMPRESSIONS.some((o) => Number(o.value) === compression)
    ? COMPRESSIONS
    : [...COMPRESSIONS, { value: String(compression), label: `${compression.toLocaleString('en-US')}x` }];

  return (
    <fieldset className="form-group">
      <legend>Random hardware faults</legend>
      <HardwareStatus />
      <div className="check-field">
        <input id={id} type="checkbox" checked={enabled} onChange={(e) => send({ enabled: e.target.checked })} />
        <label htmlFor={id}>Disks and machines fail at random</label>
      </div>
      <NumberField
        label="Disk mean time to failure (hours)"
        value={diskMttfHours}
        min={1}
        max={1e9}
        size={8}
        onCommit={(v) => send({ diskMttfHours: v })}
      />
      <NumberField
        label="Machine mean time to failure (hours)"
        value={nodeMttfHours}
        min={1}
        max={1e9}
        size={8}
        onCommit={(v) => send({ nodeMttfHours: v })}
      />
      <SelectField
        label="Time compression"
        value={String(compression)}
        options={options}
        onChange={(v) => send({ timeCompression: Number(v) })}
      />
    </fieldset>
  );
}
