// A step reached by a link is rebuilt from the steps before it off the page's thread: the lesson
// store shows how far the rebuild got, ignores the lab meanwhile (no "run replaced" alarm), goes
// on once it is done, and Cancel (or a newer link) drops it and starts the lesson from step 1.
import { describe, expect, it } from 'vitest';
import { rebuildInProcess, type Rebuilder, type RebuildRequest } from '../lessons/rebuild';
import { createInProcessPort } from '../worker/ports';
import { createAppStore } from './appStore';
import { createLessonStore, REBUILD_CANCELLED, RUN_REPLACED } from './lessonStore';

/** A rebuilder the test answers by hand, standing in for the page's worker. */
function manualRebuilder() {
  const calls: { request: RebuildRequest; callbacks: Parameters<Rebuilder>[1]; cancelled: boolean }[] = [];
  const rebuild: Rebuilder = (request, callbacks) => {
    const call = { request, callbacks, cancelled: false };
    calls.push(call);
    return { cancel: () => void (call.cancelled = true) };
  };
  /** Answers a call as the worker would, from the same pure rebuild. */
  const finish = (index: number) => {
    const call = calls[index];
    if (call && !call.cancelled) rebuildInProcess(call.request, call.callbacks);
  };
  return { rebuild, calls, finish };
}

async function setup() {
  const app = createAppStore(createInProcessPort());
  await Promise.resolve();
  const rebuilder = manualRebuilder();
  const lessons = createLessonStore(app, null, rebuilder.rebuild);
  return { app, lessons, ...rebuilder };
}

describe('rebuilding a lesson step', { timeout: 45_000 }, () => {
  it('shows progress, leaves the lab alone meanwhile, and enters the step once the earlier ones are replayed', async () => {
    const { app, lessons, calls, finish } = await setup();
    lessons.getState().actions.open('faults-not-failures', 1);
    expect(lessons.getState().rebuilding).toEqual({ stepsDone: 0, of: 1 });
    expect(calls[0]?.request).toMatchObject({ lessonId: 'faults-not-failures', stepIndex: 1 });
    calls[0]?.callbacks.onProgress(1);
    expect(lessons.getState().rebuilding).toEqual({ stepsDone: 1, of: 1 });
    app.getState().actions.step(); // the lab goes on; the lesson does not call it a replaced run
    expect(lessons.getState().message).not.toBe(RUN_REPLACED);
    finish(0);
    const s = lessons.getState();
    expect(s.rebuilding).toBeNull();
    expect(s.stepIndex).toBe(1);
    expect(Number.isFinite(s.figures.baseP99)).toBe(true);
    expect(app.getState().frame?.timeMs).toBe(10_000); // the run was rebuilt to where step 2 begins
    expect(s.status.startedAtMs).toBe(10_000);
    expect(s.message).toBeNull();
  });

  it('Cancel drops the rebuild and starts the lesson from its first step, saying so', async () => {
    const { lessons, calls, finish } = await setup();
    lessons.getState().actions.open('disks-at-scale', 3);
    lessons.getState().actions.cancelRebuild();
    expect(calls[0]?.cancelled).toBe(true);
    finish(0); // a late answer from the dropped rebuild changes nothing
    const s = lessons.getState();
    expect(s.rebuilding).toBeNull();
    expect(s.stepIndex).toBe(0);
    expect(s.status.startedAtMs).toBe(0);
    expect(s.message).toBe(REBUILD_CANCELLED);
  });

  it('leaves the lesson list open if the learner opened it while the rebuild ran', async () => {
    const { lessons, finish } = await setup();
    lessons.getState().actions.open('faults-not-failures', 1);
    lessons.getState().actions.setPickerOpen(true);
    finish(0);
    expect(lessons.getState()).toMatchObject({ stepIndex: 1, rebuilding: null, pickerOpen: true });
  });

  it('a newer link drops the rebuild under way', async () => {
    const { lessons, calls, finish } = await setup();
    lessons.getState().actions.open('disks-at-scale', 3);
    lessons.getState().actions.open('faults-not-failures', 1);
    expect(calls[0]?.cancelled).toBe(true);
    finish(1);
    expect(lessons.getState()).toMatchObject({ lessonId: 'faults-not-failures', stepIndex: 1, rebuilding: null });
  });
});
