// The lesson store driven like the lab drives it, against an in-process simulation: steps begin,
// the learner's own command is recognised, playback holds at the end of the observation, and
// the reveal's figures are measured from the run.
import { describe, expect, it } from 'vitest';
import { getLesson } from '../lessons/catalog/index';
import { PROGRESS_KEY } from '../lessons/progress';
import { createInProcessPort } from '../worker/ports';
import { createAppStore } from './appStore';
import { createLessonStore, PREDICT_FIRST, RUN_REPLACED, waitsForPrediction } from './lessonStore';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

async function setup() {
  const app = createAppStore(createInProcessPort());
  await Promise.resolve();
  const storage = memoryStorage();
  const lessons = createLessonStore(app, storage);
  return { app, lessons, storage };
}

/** Steps simulated time a second at a time, as the Step button does, until `done` or a limit. */
function stepUntil(app: ReturnType<typeof createAppStore>, done: () => boolean, limit = 120) {
  for (let i = 0; i < limit && !done(); i++) app.getState().actions.step();
}

describe('lesson store', () => {
  it('runs lesson 1 step by step: baseline reveal, learner crash recognised, figures measured', async () => {
    const { app, lessons, storage } = await setup();
    lessons.getState().actions.open('faults-not-failures');
    expect(lessons.getState().status.startedAtMs).toBe(0);
    stepUntil(app, () => lessons.getState().status.revealed);
    expect(lessons.getState().status.revealed).toBe(true);
    // Playback was held exactly at the end of the observation.
    expect(app.getState().frame?.timeMs).toBe(10_000);
    expect(lessons.getState().figures.baseAvailability).toBeGreaterThan(0.99);

    lessons.getState().actions.next();
    lessons.getState().actions.predict('blip');
    // A command that is not the action does not count; crashing a storage node is not crashing an app server.
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'db-1' }, 'Crash node');
    expect(lessons.getState().status.actedAtMs).toBeNull();
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-3' }, 'Crash node');
    expect(lessons.getState().status.actedAtMs).toBe(10_000);
    stepUntil(app, () => lessons.getState().status.revealed);
    expect(app.getState().frame?.timeMs).toBe(30_000);
    expect(Number.isFinite(lessons.getState().figures.crashP99)).toBe(true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}')['faults-not-failures'].furthestStep).toBe(1);
  });

  it('opens a deep-linked step with the earlier steps replayed, so their figures and marks exist', async () => {
    const { app, lessons } = await setup();
    const lesson = getLesson('faults-not-failures');
    lessons.getState().actions.open('faults-not-failures', 1);
    expect(lessons.getState().stepIndex).toBe(1);
    expect(app.getState().frame?.timeMs).toBe(10_000);
    expect(app.getState().scenario.id).toBe(lesson?.scenario);
    expect(Number.isFinite(lessons.getState().figures.baseP99)).toBe(true);
    expect(Object.keys(lessons.getState().marks)).toEqual(['step:baseline', 'step:crash']);
  });

  it('looks back at earlier steps without touching the run, and returns', async () => {
    const { app, lessons } = await setup();
    lessons.getState().actions.open('faults-not-failures', 2);
    const at = app.getState().frame?.timeMs;
    lessons.getState().actions.back();
    expect(lessons.getState().reviewIndex).toBe(1);
    lessons.getState().actions.back();
    expect(lessons.getState().reviewIndex).toBe(0);
    lessons.getState().actions.next();
    expect(lessons.getState().reviewIndex).toBe(1);
    lessons.getState().actions.resume();
    expect(lessons.getState().reviewIndex).toBeNull();
    expect(app.getState().frame?.timeMs).toBe(at);
  });

  it('holds a baseline before counting the action; "Do it for me" acts for the learner after it', async () => {
    const { app, lessons } = await setup();
    // Lesson 4, step 2 measures ten seconds of normal service before the runaway process.
    const lesson = getLesson('software-faults');
    const index = lesson?.steps.findIndex((s) => (s.action?.afterMs ?? 0) > 0) ?? -1;
    const step = lesson?.steps[index];
    expect(step?.action).toBeDefined();
    lessons.getState().actions.open('software-faults', index);
    const started = lessons.getState().status.startedAtMs ?? 0;
    lessons.getState().actions.doItForMe();
    expect(lessons.getState().status.actedAtMs).toBeNull();
    const ready = started + (step?.action?.afterMs ?? 0);
    app.getState().actions.setSpeed(1000);
    app.getState().actions.play();
    app.getState().actions.want(ready + 30_000, Number.POSITIVE_INFINITY);
    // Playing stopped exactly at the end of the baseline, and the hold is released for what follows.
    expect(app.getState().frame?.timeMs).toBe(ready);
    expect(app.getState().playing).toBe(false);
    expect(app.getState().stopAtMs).toBeNull();
    lessons.getState().actions.doItForMe();
    expect(lessons.getState().status.actedAtMs).toBe(ready);
  });

  it('waits on a prediction step until the learner predicts or skips predicting', async () => {
    const { lessons } = await setup();
    const lesson = getLesson('faults-not-failures');
    const index = lesson?.steps.findIndex((s) => s.prediction) ?? -1;
    const steps = lesson?.steps ?? [];
    expect(index).toBeGreaterThanOrEqual(0);
    lessons.getState().actions.open('faults-not-failures', index);
    expect(waitsForPrediction(lessons.getState())).toBe(PREDICT_FIRST);
    lessons.getState().actions.next();
    expect(lessons.getState().stepIndex).toBe(index);
    lessons.getState().actions.skipPrediction();
    expect(waitsForPrediction(lessons.getState())).toBeNull();
    expect(lessons.getState().skippedPredictions[steps[index]?.id ?? '']).toBe(true);
    // Predicting after all replaces the skip.
    const p = steps[index]?.prediction;
    lessons.getState().actions.predict(p?.kind === 'choice' ? p.answer : 1);
    expect(lessons.getState().skippedPredictions).toEqual({});
    lessons.getState().actions.next();
    expect(lessons.getState().stepIndex).toBe(index + 1);
  });

  it('counts the earlier steps a link rebuilt as skipped, not predicted', async () => {
    const { lessons } = await setup();
    const lesson = getLesson('disks-at-scale');
    const last = (lesson?.steps.length ?? 1) - 1;
    lessons.getState().actions.open('disks-at-scale', last);
    const earlier = (lesson?.steps ?? []).slice(0, last).filter((s) => s.prediction);
    expect(earlier.length).toBeGreaterThan(0);
    expect(Object.keys(lessons.getState().skippedPredictions).sort()).toEqual(earlier.map((s) => s.id).sort());
    expect(lessons.getState().predictions).toEqual({});
    // Looking back never waits, and the step looked back at cannot be predicted any more.
    lessons.getState().actions.back();
    expect(waitsForPrediction(lessons.getState())).toBeNull();
    lessons.getState().actions.predict(1);
    expect(lessons.getState().predictions).toEqual({});
  });

  it('says so when the run is reset under a step, and names unknown lessons and steps', async () => {
    const { app, lessons } = await setup();
    lessons.getState().actions.open('faults-not-failures');
    app.getState().actions.reset();
    expect(lessons.getState().message).toBe(RUN_REPLACED);
    lessons.getState().actions.open('no-such-lesson');
    expect(lessons.getState().message).toMatch(/no lesson called "no-such-lesson"/);
    lessons.getState().actions.open('faults-not-failures', 40);
    expect(lessons.getState().message).toMatch(/has \d+ steps, not 41/);
  });

  it('ignores corrupt saved progress instead of failing', async () => {
    const app = createAppStore(createInProcessPort());
    const storage = memoryStorage();
    storage.setItem(PROGRESS_KEY, '{"faults-not-failures": {"furthestStep": "x"}}');
    expect(createLessonStore(app, storage).getState().progress).toEqual({});
  });
});
