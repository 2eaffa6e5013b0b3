// Forking from the past replaces the rest of the run, says so, and Undo brings it back exactly
// (the same hash as before the fork) until the learner takes another action on the new branch.
import { describe, expect, it } from 'vitest';
import { inProcessStore, steps, type TestStore } from './testStore';
import { describeForkAhead } from './fork';

const setup = inProcessStore;
type App = TestStore;

async function runWithCrashThenLookBack(app: App) {
  steps(app, 2);
  app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-1' }, 'Crash node app-1');
  steps(app, 4);
  const hash = app.getState().frame?.logHash;
  app.getState().actions.seek(1000);
  return hash;
}

describe('forking from the past', () => {
  it('says beforehand what playing or acting would replace', async () => {
    const app = await setup();
    await runWithCrashThenLookBack(app);
    expect(describeForkAhead(app.getState())).toBe(
      'Play or any action from here replaces the run after t = 1.0 s (up to 6.0 s and its 1 later action) with a new branch; Undo brings it back.',
    );
  });

  it('an action in the past replaces the later run; Undo brings it back with the same hash', async () => {
    const app = await setup();
    const hash = await runWithCrashThenLookBack(app);
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-3' }, 'Crash node app-3');
    expect(app.getState().fork).toMatchObject({ atMs: 1000, replaced: { endMs: 6000 } });
    app.getState().actions.undoLastAction();
    await Promise.resolve();
    expect(app.getState().fork).toBeNull();
    expect(app.getState().frame?.timeMs).toBe(6000);
    expect(app.getState().frame?.logHash).toBe(hash);
    expect(app.getState().commandLog.map((c) => c.command)).toEqual([{ type: 'crashNode', nodeId: 'app-1' }]);
  });

  it('playing from the past forks too, and a later action is undone before the fork', async () => {
    const app = await setup();
    const hash = await runWithCrashThenLookBack(app);
    app.getState().actions.play();
    expect(app.getState().announcement).toContain('The run after t = 1.0 s (it went on to 6.0 s, with 1 more action)');
    app.getState().actions.pause();
    expect(app.getState().fork?.atMs).toBe(1000);
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-4' }, 'Crash node app-4');
    app.getState().actions.undoLastAction(); // undoes the crash of app-4
    expect(app.getState().fork).not.toBeNull();
    expect(app.getState().commandLog).toHaveLength(0);
    app.getState().actions.undoLastAction(); // brings the replaced branch back
    expect(app.getState().frame?.logHash).toBe(hash);
  });

  it('a new run forgets the replaced branch', async () => {
    const app = await setup();
    await runWithCrashThenLookBack(app);
    app.getState().actions.play();
    app.getState().actions.reset();
    expect(app.getState().fork).toBeNull();
  });
});
