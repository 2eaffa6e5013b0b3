// Scrubbing back rebuilds an earlier moment by replay; scrubbing forward within the branch
// brings the later commands back; acting or playing from the past forks the run there.
import { describe, expect, it } from 'vitest';
import { replay, getBuiltInScenario, type Scenario } from '../sim/index';
import { inProcessStore, steps } from './testStore';

const setup = inProcessStore;

describe('time travel', () => {
  it('seeks back and forward through the branch with the same hashes as a straight run', async () => {
    const app = await setup();
    steps(app, 3);
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-2' }, 'Crash node app-2');
    steps(app, 5);
    const endHash = app.getState().frame?.logHash;
    app.getState().actions.seek(2000);
    expect(app.getState().frame?.timeMs).toBe(2000);
    expect(app.getState().commandLog).toHaveLength(0);
    expect(app.getState().past?.endMs).toBe(8000);
    const scenario = getBuiltInScenario('default') as Scenario;
    expect(app.getState().frame?.logHash).toBe(replay(scenario, 1, [], 2000).logHash());
    // Step walks forward through the recorded branch, the crash included.
    steps(app, 2);
    expect(app.getState().frame?.timeMs).toBe(4000);
    expect(app.getState().commandLog).toHaveLength(1);
    app.getState().actions.seek(8000);
    expect(app.getState().past).toBeNull();
    expect(app.getState().frame?.logHash).toBe(endHash);
  });

  it('forks when the user acts in the past: the later commands are dropped', async () => {
    const app = await setup();
    steps(app, 2);
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-1' }, 'Crash node app-1');
    steps(app, 4);
    app.getState().actions.seek(1000);
    app.getState().actions.apply({ type: 'crashNode', nodeId: 'app-3' }, 'Crash node app-3');
    expect(app.getState().past).toBeNull();
    expect(app.getState().commandLog.map((c) => c.command)).toEqual([{ type: 'crashNode', nodeId: 'app-3' }]);
    steps(app, 2);
    expect(app.getState().frame?.timeMs).toBe(3000);
  });
});
