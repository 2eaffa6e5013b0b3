// Every notable event as one plain sentence: "db-3 crashed", "The balancer took app-2 out of
// rotation after 3 failed health checks". Reads the sim's type, target and detail; a detail it
// cannot parse (an older wording) still shows, after the target, so nothing is ever hidden.
import type { NotableEvent } from '../../sim/index';
import { formatNumber, hardwareWords, policyWords } from './policyWords';
import { PIPELINE_TYPES, pipelineDiskWords, pipelineEventWords } from './pipelineWords';
import { TIER_TYPES, tierEventWords } from './tierWords';

/** Every type the simulation notes (a test checks this against src/sim): each has its own sentence. */
export const DESCRIBED_TYPES = [
  'nodeCrashed',
  'nodePoweredOff',
  'nodeRestarted',
  'nodeSlowed',
  'nodeSpeedRestored',
  'diskFailed',
  'diskReplaced',
  'replicaRebuilt',
  'writesLost',
  'rackPowerFailed',
  'linkPartitioned',
  'linkHealed',
  'linkLossSet',
  'linkLatencySet',
  'groupPartitioned',
  'networkHealed',
  'serverRemoved',
  'serverRestored',
  'loadSpiked',
  'loadSpikeEnded',
  'loadChanged',
  'poisonSent',
  'configRolledOut',
  'configRolledBack',
  'policyChanged',
  'hardwareFaultsSet',
  'commandSkipped',
  // Issue 14: the tiers scale out and in, and a cache sits before storage.
  ...TIER_TYPES,
  // Issue 15: the log, its consumers and the search index.
  ...PIPELINE_TYPES,
] as const;

/** "app-1~db-2" -> "the link between app-1 and db-2". */
export function linkWords(linkId: string): string {
  const [a, b] = linkId.split('~');
  return b === undefined ? `link ${linkId}` : `the link between ${a} and ${b}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "crashNode" -> "crash node": a command's type as the words on its button. */
export function commandWords(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A reason after the fact, left out when the cause badge already says it ("by hand"). */
function because(why: string): string {
  return why === '' || /by hand$/.test(why) ? '' : ` (${why})`;
}

function diskFailedWords(node: string, detail: string): string {
  const m = /^disk (\d+) failed \((.*)\); (\d+) partitions under-replicated$/.exec(detail);
  if (!m) return `${node}: ${detail}`;
  const [, disk, why = '', count = '0'] = m;
  const partitions = Number(count) === 1 ? '1 partition is' : `${count} partitions are`;
  return `Disk ${disk} of ${node} failed${because(why)}: ${partitions} a copy short`;
}

function diskReplacedWords(node: string, detail: string): string {
  const m = /^disk (\d+) replaced with an empty disk( by the operators)?$/.exec(detail);
  if (!m) return `${node}: ${detail}`;
  return m[2]
    ? `Operators replaced disk ${m[1]} of ${node} with an empty disk`
    : `Disk ${m[1]} of ${node} was replaced with an empty disk`;
}

function restartedWords(node: string, why: string): string {
  if (why === 'power restored') return `${node} is back up: power restored`;
  if (why === 'back up after its scheduled restart') return `${node} is back up after its automatic restart`;
  return `${node} restarted${because(why)}`;
}

function rolledOutWords(target: string, detail: string): string {
  if (detail === 'new configuration on the canary') return `New configuration rolled out to the canary: ${target}`;
  if (detail === 'new configuration on the remaining servers')
    return 'New configuration rolled out to the remaining app servers';
  return `New configuration rolled out to ${target}`;
}

function lossWords(e: NotableEvent): string {
  const share = Number.parseFloat(e.detail);
  if (share === 0) return `${capitalised(linkWords(e.target))} no longer loses messages`;
  return `${capitalised(linkWords(e.target))} now loses ${e.detail.replace(/ lost$/, '')}`;
}

function latencyWords(e: NotableEvent): string {
  const extraMs = Number.parseFloat(e.detail);
  if (extraMs === 0) return `${capitalised(linkWords(e.target))} has no extra latency now`;
  return `${capitalised(linkWords(e.target))} now adds ${formatNumber(extraMs)} ms of latency`;
}

function loadWords(detail: string): string {
  const m = /^([\d.]+) req\/s, (\d+)% reads, fan-out ([\d.]+) per read and ([\d.]+) per write$/.exec(detail);
  if (!m) return `Load changed: ${detail}`;
  const [, rps = '0', reads, readFan, writeFan] = m;
  const fan =
    readFan === '1' && writeFan === '1' ? '' : `; a read touches ${readFan} storage nodes, a write ${writeFan}`;
  return `Clients now send ${formatNumber(Number(rps))} requests/s, ${reads}% of them reads${fan}`;
}

function writesLostWords(target: string, detail: string): string {
  const m = /^(\d+) partitions? lost every replica; (\d+) acknowledged writes lost$/.exec(detail);
  if (!m) return `${target}: ${detail}`;
  const [, count = '0', writes = '0'] = m;
  const partitions = count === '1' ? '1 partition' : `${count} partitions`;
  const when = target === 'cluster' ? 'the replication factor was lowered' : `a disk of ${target} failed`;
  const lost = `${formatNumber(Number(writes))} acknowledged ${writes === '1' ? 'write' : 'writes'} lost`;
  return `Data lost: ${partitions} lost every copy when ${when}; ${lost}`;
}

function rebuiltWords(partition: string, detail: string): string {
  const m = /^replica (\d+) rebuilt on (\S+) disk (\d+)$/.exec(detail);
  return m ? `A lost copy of ${partition} was rebuilt on ${m[2]} (disk ${m[3]})` : `${partition}: ${detail}`;
}

function removedWords(server: string, detail: string): string {
  const checks = /^failed (\d+) health checks/.exec(detail)?.[1];
  return `The balancer took ${server} out of rotation${checks ? ` after ${checks} failed health checks` : ''}`;
}

function poisonWords(detail: string): string {
  const count = Number.parseInt(detail, 10);
  const requests = count === 1 ? 'request' : 'requests';
  return `Clients sent ${formatNumber(count)} poison ${requests} (each crashes the server that takes it)`;
}

/** A replayed command that changed nothing (older links): said as such, never as a recovery. */
function nothingChangedWords(e: NotableEvent): string {
  if (e.type === 'configRolledBack') return 'Roll back: nothing was rolled out, so nothing changed';
  if (e.type === 'networkHealed') return 'Heal network: nothing was cut, so nothing changed';
  return `${capitalised(commandWords(e.type))} (${e.target}): ${e.detail}`;
}

export function describeEvent(e: NotableEvent): string {
  if (e.noop) return nothingChangedWords(e);
  const { target, detail } = e;
  switch (e.type) {
    case 'nodeCrashed':
      return `${target} crashed${because(detail === 'a poison request crashed it' ? 'a poison request' : detail)}`;
    case 'nodePoweredOff':
      return `${target} lost power${because(detail.replace(/^power failure in /, 'power cut in '))}`;
    case 'nodeRestarted':
      return restartedWords(target, detail);
    case 'nodeSlowed': {
      const factor = /^runs ([\d.]+)x slower$/.exec(detail)?.[1];
      return factor ? `${target} now runs ${factor}× slower` : `${target}: ${detail}`;
    }
    case 'nodeSpeedRestored':
      return `${target} runs at normal speed again`;
    case 'diskFailed':
      return pipelineDiskWords(e.type, target, detail) ?? diskFailedWords(target, detail);
    case 'diskReplaced':
      return pipelineDiskWords(e.type, target, detail) ?? diskReplacedWords(target, detail);
    case 'replicaRebuilt':
      return rebuiltWords(target, detail);
    case 'writesLost':
      return writesLostWords(target, detail);
    case 'rackPowerFailed': {
      const forHow = /^power out for (.+)$/.exec(detail)?.[1];
      return `${target} lost power${forHow ? ` for ${forHow}` : ''}`;
    }
    case 'linkPartitioned':
      return `${capitalised(linkWords(target))} was cut: messages on it are lost`;
    case 'linkHealed':
      return `${capitalised(linkWords(target))} was healed`;
    case 'linkLossSet':
      return lossWords(e);
    case 'linkLatencySet':
      return latencyWords(e);
    case 'groupPartitioned':
      return `${target} ${target.includes(',') ? 'were' : 'was'} cut off from the rest of the cluster`;
    case 'networkHealed':
      return 'Every network partition was healed';
    case 'serverRemoved':
      return removedWords(target, detail);
    case 'serverRestored':
      return `The balancer put ${target} back in rotation: its health check passed`;
    case 'loadSpiked': {
      const m = /^load x([\d.]+) for ([\d.]+) s$/.exec(detail);
      return m ? `Load spiked to ${m[1]}× for ${m[2]} s` : `Load spiked: ${detail}`;
    }
    case 'loadSpikeEnded':
      return 'The load spike ended: load is back to normal';
    case 'loadChanged':
      return loadWords(detail);
    case 'poisonSent':
      return poisonWords(detail);
    case 'configRolledOut':
      return rolledOutWords(target, detail);
    case 'configRolledBack':
      return 'Rolled back: the previous configuration is restored everywhere';
    case 'policyChanged':
      return policyWords(detail);
    case 'hardwareFaultsSet':
      return hardwareWords(detail);
    case 'commandSkipped':
      return `The scenario's scheduled '${commandWords(target)}' was skipped: ${detail}`;
    default:
      return tierEventWords(e) ?? pipelineEventWords(e) ?? `${target}: ${detail}`;
  }
}
