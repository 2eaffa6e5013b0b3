// A hostile host page: bursts of messages of every kind, valid ones with one field changed, far
// seeks, loads of hostile links, junk, and messages from the wrong origin, through the real host
// API and store. Afterwards the lab still answers: Step moves its clock, every error it told the
// host is a sentence, and its figures hold no NaN.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { STEP_MS } from '../store/appStore';
import { INTERACTIVE_HORIZON_MS } from '../share/horizon';
import { extremeNumber, farFutureMs, fuzzBudgetMs, fuzzRuns, hostileValues, mutationOf } from './arbitraries';
import { expectClearMessage, findNaN } from './checks';
import { embeddedLab, HOST } from './embeddedLab';
import { hostileExperiment, validExperiments } from './experiments';

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data));

const validMessages = [
  { type: 'faultline:play' },
  { type: 'faultline:pause' },
  { type: 'faultline:seek', timeMs: 2000 },
  { type: 'faultline:getSummary' },
  { type: 'faultline:load', experiment: pack(validExperiments[1]) },
];

const hostMessage = fc.oneof(
  { arbitrary: fc.constantFrom(...validMessages), weight: 3 },
  {
    arbitrary: fc
      .oneof(fc.constantFrom(0, 500, 5000, 60_000, INTERACTIVE_HORIZON_MS), farFutureMs, extremeNumber)
      .map((timeMs) => ({ type: 'faultline:seek', timeMs })),
    weight: 3,
  },
  {
    arbitrary: hostileExperiment(false).map((e) => ({ type: 'faultline:load', experiment: pack(e) })),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...validMessages).chain((m) => mutationOf(m)), weight: 3 },
  { arbitrary: hostileValues(true), weight: 1 },
);

/** What the host does next: send (maybe from the wrong origin), let timers fire, or let the worker work. */
const hostStep = fc.oneof(
  { arbitrary: fc.record({ send: hostMessage, foreign: fc.boolean() }), weight: 6 },
  { arbitrary: fc.constant('timers' as const), weight: 1 },
  { arbitrary: fc.nat({ max: 3 }), weight: 1 },
);

describe('a hostile host page', () => {
  it(
    'leaves a lab that steps, tells errors in sentences and shows no NaN',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostStep, { minLength: 1, maxLength: 12 }), async (steps) => {
          const lab = await embeddedLab();
          for (const step of steps) {
            if (step === 'timers') lab.runTimers();
            else if (typeof step === 'number') lab.runSlices(step);
            else lab.send(step.send, step.foreign ? 'https://evil.example' : HOST, !step.foreign);
          }
          // Whatever is still catching up is cancelled once it shows its progress, as Escape would
          // (the lab offers no cancel before that), until the lab is idle.
          const { actions } = lab.store.getState();
          for (let round = 0; round < 40 && (lab.store.getState().pending || lab.runSlices(0) > 0); round++) {
            lab.runTimers();
            if (lab.store.getState().catchUp !== null) actions.cancelCatchUp();
            lab.runSlices(5);
          }
          actions.pause();
          expect(lab.runSlices(0)).toBe(0);
          const before = lab.store.getState();
          expect(before.pending).toBe(false);
          for (const text of [before.simError, before.commandError]) if (text !== null) expectClearMessage(text);
          if (before.simError === null) {
            const atMs = before.frame?.timeMs ?? 0;
            actions.step();
            expect(lab.runSlices(50)).toBe(0);
            const after = lab.store.getState().frame;
            expect(after?.timeMs).toBe(Math.min(atMs + STEP_MS, INTERACTIVE_HORIZON_MS));
            expect(findNaN(after)).toBeNull();
          }
          for (const message of lab.told) if (message.type === 'faultline:error') expectClearMessage(message.message);
          lab.stop();
        }),
        fuzzRuns(500),
      );
    },
    fuzzBudgetMs(17.4),
  );
});
