// "Spike load": multiplies the request rate for a while, then returns to normal by itself.
import { useState } from 'react';
import type { AppState } from '../../store/appStore';
import { selectActions } from '../../store/selectors';
import { useApp } from '../../store/context';
import { NumberField } from '../controls/NumberField';

const selectMultiplier = (s: AppState) => s.frame?.loadMultiplier ?? 1;

export function SpikeForm() {
  const actions = useApp(selectActions);
  const current = useApp(selectMultiplier);
  const [multiplier, setMultiplier] = useState(3);
  const [durationS, setDurationS] = useState(10);
  const spiking = current !== 1;
  return (
    <fieldset className="form-group">
      <legend>Load spike</legend>
      <p className="panel-status" data-state={spiking ? 'active' : 'calm'} data-testid="load-multiplier">
        {spiking ? `Spike active: load ×${current.toLocaleString('en-US')}` : 'No spike: normal load (×1)'}
      </p>
      <NumberField
        label="Multiply load by (×)"
        value={multiplier}
        min={0}
        max={100}
        size={5}
        onCommit={setMultiplier}
      />
      <NumberField label="For (seconds)" value={durationS} min={0.1} max={86_400} size={5} onCommit={setDurationS} />
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            actions.apply({ type: 'spikeLoad', multiplier, durationMs: durationS * 1000 }, `Load spike ×${multiplier}`)
          }
        >
          Spike load
        </button>
      </div>
    </fieldset>
  );
}
