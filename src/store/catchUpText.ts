// What the lab says when the learner stopped a replay or a catch-up early.
import type { CatchUpTask } from '../worker/labProtocol';

const seconds = (timeMs: number) => (timeMs / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The message after a cancel: where the run stopped and that it waits there. */
export function stoppedEarly(task: CatchUpTask, atMs: number): string {
  return task === 'replay'
    ? `Replay stopped at t = ${seconds(atMs)} s. The run is paused there, with the changes made up to that moment.`
    : `Stopped going ahead at t = ${seconds(atMs)} s. The run is paused there.`;
}
