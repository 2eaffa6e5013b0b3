// What the learner is asked to do now: the action (until they have done it), then how much of
// the observation is left, with the keys that move simulated time on.
import { useApp } from '../../store/context';
import type { Step } from '../../lessons/lessonSchema';
import type { StepStatus } from '../../store/lessonStore';

/** Like the header clock: tenths of a simulated second. */
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A step's length, as the lesson states it ("20 s"). */
const length = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function Watch({ fromMs, observeMs }: { readonly fromMs: number; readonly observeMs: number }) {
  // Subscribes to whole tenths, as shown, not to the frame's time: it re-renders only when its
  // text moves, and not at all once the watch is complete.
  const watchedTenths = useApp((s) =>
    Math.round(Math.min(observeMs, Math.max(0, (s.frame?.timeMs ?? 0) - fromMs)) / 100),
  );
  const playing = useApp((s) => s.playing);
  const watched = Math.min(observeMs, watchedTenths * 100);
  return (
    <div className="lesson-watch">
      <label>
        <span>
          Watched {seconds(watched)} of {length(observeMs)} simulated
        </span>
        <progress max={observeMs} value={watched} />
      </label>
      {!playing && (
        <p className="lesson-hint">
          Press <strong>Play</strong> (Space) or <strong>Step</strong> (S) to let time pass; a higher speed gets there
          sooner.
        </p>
      )}
    </div>
  );
}

interface StepProgressProps {
  readonly step: Step;
  readonly status: StepStatus;
  readonly onDoItForMe: () => void;
}

export function StepProgress({ step, status, onDoItForMe }: StepProgressProps) {
  if (status.startedAtMs === null) return <p className="lesson-hint">Setting up the cluster for this step…</p>;
  if (status.revealed) return null;
  const action = step.action;
  if (action && status.actedAtMs === null) {
    if (action.afterMs > 0) return <Baseline step={step} startedAtMs={status.startedAtMs} onDoItForMe={onDoItForMe} />;
    return <ActionPrompt prompt={action.prompt} onDoItForMe={onDoItForMe} />;
  }
  return (
    <>
      {action && (
        <p className="lesson-action is-done">
          <span aria-hidden="true">✓ </span>Done at t = {seconds(status.actedAtMs ?? 0)}.
        </p>
      )}
      {step.observeMs > 0 && <Watch fromMs={status.actedAtMs ?? status.startedAtMs} observeMs={step.observeMs} />}
    </>
  );
}

function ActionPrompt({ prompt, onDoItForMe }: { readonly prompt: string; readonly onDoItForMe: () => void }) {
  return (
    <div className="lesson-action">
      <p>
        <span className="lesson-badge">Your turn</span> {prompt}
      </p>
      <button type="button" onClick={onDoItForMe}>
        Do it for me
      </button>
    </div>
  );
}

/** The step first measures the cluster as it is; the action is asked for after that. */
function Baseline(props: { readonly step: Step; readonly startedAtMs: number; readonly onDoItForMe: () => void }) {
  const { step, startedAtMs, onDoItForMe } = props;
  const afterMs = step.action?.afterMs ?? 0;
  const ready = useApp((s) => (s.frame?.timeMs ?? 0) >= startedAtMs + afterMs);
  if (ready) return <ActionPrompt prompt={step.action?.prompt ?? ''} onDoItForMe={onDoItForMe} />;
  return (
    <>
      <p className="lesson-hint">
        First, a baseline: let the cluster run as it is. The lab pauses when it is complete.
      </p>
      <Watch fromMs={startedAtMs} observeMs={afterMs} />
    </>
  );
}
