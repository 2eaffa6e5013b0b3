// Above the picture, when the scenario has room to scale: each tier's size with "−" and "+"
// buttons (by mouse and keyboard). A button that can do nothing now stays focusable
// (aria-disabled) and says why when pressed, so the limit is learnt, not guessed.
import { useId, useState } from 'react';
import type { Command, Frame, Topology } from '../../sim/index';
import { useAppStore } from '../../store/context';
import { useOnlyControls } from '../lessons/lessonContext';
import { announceOf, tierControlsOf, type TierButton, type TierControl } from './tierControls';

/** In a lesson step that offers only some actions, the others stay in view but say why they do nothing. */
export function restrictButton(b: TierButton, only: readonly string[] | null): TierButton {
  if (only === null || b.command === null || only.includes(b.command.type)) return b;
  return { ...b, command: null, disabledReason: 'Not part of this lesson step' };
}
import './tierControls.css';

type Counted = Pick<TierControl, 'label' | 'count' | 'limit' | 'add' | 'remove'>;

export function TierGroup({ control, onPress }: { control: Counted; onPress(button: TierButton): void }) {
  const countId = useId();
  const button = (b: TierButton, text: string) => (
    <button
      type="button"
      className="tier-button"
      aria-label={b.name}
      aria-describedby={countId}
      title={b.disabledReason ?? b.name}
      aria-disabled={b.command === null || undefined}
      onClick={() => onPress(b)}
    >
      {text}
    </button>
  );
  return (
    <div className="tier-control" role="group" aria-label={control.label}>
      <span className="tier-name">{control.label}</span>
      {button(control.remove, '−')}
      <span className="tier-count" id={countId}>
        {control.count} of {control.limit}
      </span>
      {button(control.add, '+')}
    </div>
  );
}

/** A row of counted controls with the note that says why a button did nothing (tiers, consumer groups). */
export function CountedControls({
  controls: all,
  announce,
  className = 'tier-controls',
}: {
  controls: readonly Counted[];
  announce(command: Command): string;
  className?: string;
}) {
  const store = useAppStore();
  const [note, setNote] = useState('');
  const only = useOnlyControls();
  const controls = all.map((c) => ({ ...c, add: restrictButton(c.add, only), remove: restrictButton(c.remove, only) }));
  if (controls.length === 0) return null;
  const onPress = (b: TierButton) => {
    if (!b.command) return setNote(b.disabledReason ?? '');
    setNote('');
    store.getState().actions.apply(b.command, announce(b.command));
  };
  return (
    <div className={className}>
      {controls.map((control) => (
        <TierGroup key={control.label} control={control} onPress={onPress} />
      ))}
      <p className="tier-note" role="status">
        {note}
      </p>
    </div>
  );
}

export function TierControls({ topology, frame }: { topology: Topology; frame: Frame | null }) {
  return <CountedControls controls={frame ? tierControlsOf(topology, frame) : []} announce={announceOf} />;
}
