// Sentences for the events of issue 14's tiers: nodes added, ready, draining and removed, bigger
// machines, the autoscaler's decisions, partitions moving, and the cache. The sim's details are
// free text (the autoscaler's are whole reasons already), so each sentence keeps them whole.
import type { NotableEvent } from '../../sim/index';

export const TIER_TYPES = [
  'nodeAdded',
  'nodeReady',
  'nodeDraining',
  'nodeRemoved',
  'tierScaledUp',
  'autoscalerDecision',
  'autoscalerSet',
  'partitionsMoved',
  'cacheFlushed',
  'cachePolicyChanged',
  'storageQueueChanged',
] as const;

const TIER_WORDS: Readonly<Record<string, string>> = {
  app: 'the app servers',
  cache: 'the cache nodes',
  storage: 'the storage nodes',
};

/** "ready in 30 s" -> " (ready in 30 s)"; nothing for an empty detail or one that only says "by hand". */
function aside(detail: string): string {
  return detail === '' || /by hand$/.test(detail) ? '' : ` (${detail})`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sentence for a tier event, or null for a type that is not one of them. */
export function tierEventWords(e: NotableEvent): string | null {
  const { target, detail } = e;
  switch (e.type) {
    case 'nodeAdded':
      return `${target} was added: it serves once it has started${aside(detail)}`;
    case 'nodeReady':
      return `${target} finished starting and now serves${aside(detail)}`;
    case 'nodeDraining':
      return `${target} is draining: it takes no new requests and finishes the ones it holds${aside(detail)}`;
    case 'nodeRemoved':
      return `${target} was removed${aside(detail)}`;
    case 'tierScaledUp':
      return `${capitalised(TIER_WORDS[target] ?? target)} now run on bigger machines${aside(detail)}`;
    case 'autoscalerDecision':
      return `Autoscaler decision: ${detail}`;
    case 'autoscalerSet':
      return `Autoscaler policy set: ${detail}`;
    case 'partitionsMoved':
      return `Storage partitions moved for ${target}${aside(detail)}`;
    case 'cacheFlushed':
      return `${target} was flushed: its cache is empty, so its keys miss until they are read again${aside(detail.replace(/^flushed by hand: /, ''))}`;
    case 'cachePolicyChanged':
      return `Cache policy changed: ${detail}`;
    case 'storageQueueChanged':
      return capitalised(detail);
    default:
      return null;
  }
}
