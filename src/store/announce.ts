// What the lab's live region says to screen-reader users when faults happen and heal.
import type { NotableEvent } from '../sim/index';
// The same plain words as the event log (a pure function of the event: no view state).
import { describeEvent } from '../share/words/describeEvent';

/** Notable event types that are faults or recoveries, announced to screen-reader users. */
export const FAULT_TYPES = new Set([
  'nodeCrashed',
  'nodeRestarted',
  'nodePoweredOff',
  'diskFailed',
  'diskReplaced',
  'linkPartitioned',
  'linkHealed',
  'groupPartitioned',
  'networkHealed',
  'serverRemoved',
  'serverRestored',
  'writesLost',
  'partitionLost',
  'loadSpiked',
  'loadSpikeEnded',
  'configRolledOut',
  'configRolledBack',
  'rackPowerFailed',
  'nodeSlowed',
  'nodeSpeedRestored',
]);

export function describeForScreenReader(e: NotableEvent): string {
  return `${(e.timeMs / 1000).toFixed(1)} seconds: ${describeEvent(e)}`;
}
