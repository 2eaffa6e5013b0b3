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
  const nowMs = useApp((s) => s.frame?.timeMs ?? 0);
  const playing = useApp((s) => s.playing);
  const watched = Math.min(observeMs, Math.max(0, nowMs - fromMs));
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

export function StepProgress({ step, status }: { readonly step: Step; readonly status: StepStatus }) {
  if (status.startedAtMs === null) return <p className="lesson-hint">Setting up the cluster for this step…</p>;
  if (status.revealed) return null;
  const action = step.action;
  if (action && status.actedAtMs === null) {
    return (
      <p className="lesson-action">
        <span className="lesson-badge">Your turn</span> {action.prompt}
      </p>
    );
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
