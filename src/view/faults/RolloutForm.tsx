// "Roll out bad config": a change that makes app servers fail or slow down a share of requests,
// to all servers at once or to one canary first. The form's settings are local until the
// button is pressed; what the servers actually run comes from the simulation's frame.
import { useState } from 'react';
import type { AppState } from '../../store/appStore';
import { selectActions } from '../../store/selectors';
import { useApp } from '../../store/context';
import { NumberField } from '../controls/NumberField';
import { RangeField } from '../controls/RangeField';

type Mode = 'all-at-once' | 'canary';
const SLOW_FACTOR = 10;
const CANARY_COUNT = 1;

const selectBadServers = (s: AppState) => {
  const bad = s.frame?.nodeBadConfig;
  let n = 0;
  if (bad) for (const flag of bad) n += flag;
  return n;
};
const selectAppServers = (s: AppState) => s.scenario.appServers.count;
const selectRolloutPending = (s: AppState) => s.frame?.rolloutPending ?? false;

function RolloutStatus() {
  const bad = useApp(selectBadServers);
  const total = useApp(selectAppServers);
  const pending = useApp(selectRolloutPending);
  const active = bad > 0 || pending;
  return (
    <p className="panel-status" data-state={active ? 'active' : 'calm'} data-testid="rollout-status">
      {active ? `Bad config on ${bad} of ${total} app servers` : `All ${total} app servers run the good config`}
      {pending && '; the rest get it when the canary wait ends'}.
    </p>
  );
}

export function RolloutForm() {
  const actions = useApp(selectActions);
  const [mode, setMode] = useState<Mode>('all-at-once');
  const [stageDelayS, setStageDelayS] = useState(30);
  const [errorPercent, setErrorPercent] = useState(50);
  const [slowPercent, setSlowPercent] = useState(0);

  const rollOut = () =>
    actions.apply(
      {
        type: 'rollOutConfig',
        mode,
        nodeIds: [],
        errorShare: errorPercent / 100,
        slowShare: slowPercent / 100,
        slowFactor: SLOW_FACTOR,
        canaryCount: CANARY_COUNT,
        stageDelayMs: stageDelayS * 1000,
      },
      mode === 'canary' ? 'Bad config on canary' : 'Bad config rolled out',
    );

  return (
    <fieldset className="form-group">
      <legend>Bad config rollout</legend>
      <RolloutStatus />
      <fieldset className="radio-row">
        <legend>Roll out to</legend>
        <label>
          <input
            type="radio"
            name="rollout-mode"
            checked={mode === 'all-at-once'}
            onChange={() => setMode('all-at-once')}
          />
          All servers at once
        </label>
        <label>
          <input type="radio" name="rollout-mode" checked={mode === 'canary'} onChange={() => setMode('canary')} />
          Canary first ({CANARY_COUNT} server)
        </label>
      </fieldset>
      {mode === 'canary' && (
        <NumberField
          label="Wait before the rest (s)"
          value={stageDelayS}
          min={0}
          max={3600}
          onCommit={setStageDelayS}
          size={5}
        />
      )}
      <RangeField
        label="Requests a bad server fails (%)"
        value={errorPercent}
        onCommit={setErrorPercent}
        min={0}
        max={100}
        sliderMin={0}
        sliderMax={100}
        step={1}
        live
      />
      <RangeField
        label={`Requests it serves ${SLOW_FACTOR}× slower (%)`}
        value={slowPercent}
        onCommit={setSlowPercent}
        min={0}
        max={100}
        sliderMin={0}
        sliderMax={100}
        step={1}
        live
      />
      <div className="form-actions">
        <button type="button" onClick={rollOut}>
          Roll out bad config
        </button>
        <button type="button" onClick={() => actions.apply({ type: 'rollBack' }, 'Roll back')}>
          Roll back
        </button>
      </div>
    </fieldset>
  );
}
