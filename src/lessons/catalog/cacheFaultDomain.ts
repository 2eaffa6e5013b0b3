// Lesson 11: a cache is part of the system's capacity, so losing one is a fault that can take
// the database down with it. On the data-system scenario, crashing one of two cache nodes sends
// its keys' reads to storage, which cannot serve them all (the cold-cache stampede). Coalescing
// fixes it; shedding at storage does not; a restart or a flush refills the cache.
import type { LessonInput } from '../lessonSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { meanOf } from '../../sim/random';
import { cacheFaultDomainClaims } from './cacheFaultDomainClaims';
import { between, choice, constantFigure, ratioFigure, windowFigure, type Mark, type Span } from './builders';

// Storage's capacity, from the scenario: nodes × slots / mean disk time (exponential).
const STORAGE_NODES = dataSystem.storage.count;
const SLOTS = dataSystem.storage.capacity?.slots ?? 1;
const SERVICE_MS = meanOf(dataSystem.storage.diskLatency);
const STORAGE_CAPACITY_RPS = (STORAGE_NODES * SLOTS * 1000) / SERVICE_MS;
const SLOT_WORDS = ['no', 'one', 'two', 'three', 'four'][SLOTS] ?? String(SLOTS);
const WARM_MS = 30_000;
const OBSERVE_MS = 30_000;
// The stampede is measured once it has settled: from 5 s after the crash.
const SETTLE_MS = 5_000;
// With the short queue and the cache warm again: long enough to see it costs nothing.
const SHED_WARM_MS = 20_000;

const crashCache1 = {
  prompt: 'Open cache-1’s menu (click it, or focus it and press Enter) and choose Crash node.',
  match: [{ type: 'crashNode', fields: { nodeId: 'cache-1' } }],
  perform: [{ type: 'crashNode', nodeId: 'cache-1' }],
};

/** A statistic over the settled stampede: 5 s after the action until the step ends. */
const settled = (mark: Mark) => between(mark, SETTLE_MS, OBSERVE_MS);
const warmSpan = between('step:warm-cache', 10_000, WARM_MS);
const coalescedSpan = between('action:coalesce', 10_000, OBSERVE_MS);
const hitRatio = (id: string, label: string, span: Span) =>
  windowFigure(id, label, 'hitRatio', span, 'mean', 'percent');

export const cacheFaultDomain: LessonInput = {
  id: 'cache-fault-domain',
  number: 11,
  title: 'A cache is a fault domain too',
  summary:
    'A cache makes reads cheap, and the database gets sized for the reads that miss. Crash one cache node, watch the database drown, then compare coalescing, shedding and a restart.',
  minutes: 9,
  scenario: 'data-system',
  steps: [
    {
      id: 'warm-cache',
      title: 'The cache carries the reads',
      prose: `This system has a **cache tier**: two cache nodes, **cache-1** and **cache-2**, between the app servers and storage. A read asks the cache node that owns its key first. On a *hit* the cache answers; on a *miss* the app server reads storage and puts the value in the cache for next time (*cache-aside*). Each key belongs to one cache node, so each node holds about half of the keys.\n\nSome keys are far more popular than others, as on any real site, so a small cache answers most reads. Storage has a limit: each of its ${STORAGE_NODES} nodes serves ${SLOT_WORDS} operations at a time and queues up to ${dataSystem.storage.capacity?.queueLimit ?? 0} more; a full queue rejects the operation.\n\nPress **Play** and watch for 30 seconds. The cache starts empty and fills in the first few seconds.`,
      only: [],
      observeMs: WARM_MS,
      figures: [
        hitRatio('warmHit', 'cache hit ratio, warm', warmSpan),
        windowFigure('warmStorage', 'storage operations per second, warm', 'storageRps', warmSpan),
        constantFigure(
          'storageCapacity',
          `operations per second storage can serve (${STORAGE_NODES} × ${SLOTS} / ${SERVICE_MS} ms)`,
          STORAGE_CAPACITY_RPS,
          'rps',
        ),
        ratioFigure(
          'warmLoadShare',
          'storage load over what it can serve, warm',
          'warmStorage',
          'storageCapacity',
          'percent',
        ),
        windowFigure('warmAvailability', 'availability, warm', 'availability', warmSpan),
      ],
      reveal:
        'Once warm, the cache answered {{warmHit}} of lookups. Storage handled {{warmStorage}} operations per second (the misses, and every write on three replicas) out of the {{storageCapacity}} it can serve: {{warmLoadShare}} of its capacity. Availability was {{warmAvailability}}.\n\nThat spare capacity looks comfortable. But it was sized with the cache doing its share.',
    },
    {
      id: 'crash-cache',
      title: 'Crash a cache node',
      prose:
        'A cache node is a machine like any other: it can crash. While **cache-1** is down, every read of a key it owns misses and goes to storage.',
      prediction: choice('What happens to users when cache-1 crashes?', 'many-fail', {
        little: 'Little: cache-2 and storage absorb the extra reads',
        slower: 'Requests get slower, but nearly all still succeed',
        'many-fail': 'Storage is overwhelmed and many requests fail',
      }),
      action: crashCache1,
      only: ['crashNode'],
      observeMs: OBSERVE_MS,
      figures: [
        windowFigure(
          'crashRejectedEarly',
          'storage operations rejected in the first 3 s',
          'storageRejected',
          between('action:crash-cache', 0, 3_000),
        ),
        windowFigure(
          'crashStorage',
          'storage operations asked for per second, cache-1 down',
          'storageRps',
          settled('action:crash-cache'),
        ),
        ratioFigure(
          'crashLoadShare',
          'storage operations asked for over what it can serve',
          'crashStorage',
          'storageCapacity',
          'ratio',
        ),
        hitRatio('crashHit', 'cache hit ratio, cache-1 down', settled('action:crash-cache')),
        windowFigure('crashAvailability', 'availability, cache-1 down', 'availability', settled('action:crash-cache')),
        windowFigure('crashP99', 'p99 (median second), cache-1 down', 'p99', settled('action:crash-cache'), 'median'),
      ],
      reveal:
        'Within three seconds storage’s queues were full: it rejected {{crashRejectedEarly}} operations in those seconds alone. The hit ratio fell from {{warmHit}} to {{crashHit}}: cache-1 owns about half of the keys but more than half of the hits, because it happens to hold more of the most popular keys. Storage was asked for {{crashStorage}} operations per second, {{crashLoadShare}} times what it can serve (failed reads are retried, which adds more). Availability fell to {{crashAvailability}}, and the p99 of the requests that succeeded was {{crashP99}}.\n\nThis is the **cold-cache stampede**: one machine failed, but the fault spread to a tier that had nothing wrong with it. The cache was not an optional speed-up; it was part of the system’s capacity, and so it is a fault domain of its own.',
    },
    {
      id: 'coalesce',
      title: 'Coalesce the misses',
      prose:
        'Many of the missing reads ask for the *same* popular keys at the same moment, and each one goes to storage on its own. With **request coalescing**, an app server sends one storage read per key at a time; other reads of that key wait for its answer.\n\nOpen the **Policy** panel and tick **Coalesce misses** under the cache’s settings. cache-1 stays down.',
      action: {
        prompt: 'Tick Coalesce misses in the Policy panel.',
        match: [{ type: 'setCache', fields: { policy: { coalescing: true } } }],
        perform: [{ type: 'setCache', policy: { coalescing: true } }],
      },
      only: ['policy'],
      observeMs: OBSERVE_MS,
      figures: [
        windowFigure('coalAvailability', 'availability, coalescing on', 'availability', coalescedSpan),
        windowFigure('coalStorage', 'storage operations per second, coalescing on', 'storageRps', coalescedSpan),
        hitRatio('coalHit', 'cache hit ratio, coalescing on', coalescedSpan),
        windowFigure('coalP99', 'p99 (median second), coalescing on', 'p99', coalescedSpan, 'median'),
      ],
      reveal:
        'Availability came back to {{coalAvailability}}. The hit ratio hardly moved ({{coalHit}}): cache-1 is still down and its keys still miss. What changed is the cost of a miss. Storage now gets {{coalStorage}} operations per second, just under the {{storageCapacity}} it can serve, because a thousand reads of one hot key became one read per app server. Storage is close to full, so requests are slower than before the crash (p99 {{coalP99}}), but they succeed.',
    },
    {
      id: 'restart-cache',
      title: 'Bring the cache back',
      prose:
        'Now restart **cache-1**. It comes back **empty**: a cache keeps its keys in memory, and a crash loses them all. Watch the hit ratio as it refills.',
      action: {
        prompt: 'Open cache-1’s menu and choose Restart node.',
        match: [{ type: 'restartNode', fields: { nodeId: 'cache-1' } }],
        perform: [{ type: 'restartNode', nodeId: 'cache-1' }],
      },
      only: ['restartNode'],
      observeMs: 20_000,
      figures: [
        hitRatio(
          'restartHitFirst',
          'cache hit ratio, first 2 s after the restart',
          between('action:restart-cache', 0, 2_000),
        ),
        hitRatio(
          'restartHit',
          'cache hit ratio, 10–20 s after the restart',
          between('action:restart-cache', 10_000, 20_000),
        ),
        windowFigure(
          'restartStorage',
          'storage operations per second, 10–20 s after the restart',
          'storageRps',
          between('action:restart-cache', 10_000, 20_000),
        ),
        windowFigure(
          'restartAvailability',
          'availability after the restart',
          'availability',
          between('action:restart-cache', 0, 20_000),
        ),
      ],
      reveal:
        'In its first two seconds back the cache answered {{restartHitFirst}} of lookups, and 10 to 20 seconds later {{restartHit}}, as warm as before the crash. Storage is back to {{restartStorage}} operations per second and availability stayed at {{restartAvailability}}. The hottest keys are read again within milliseconds, so the part of the cache that matters most refills first.',
    },
    {
      id: 'shed-sooner',
      title: 'Shed load sooner instead',
      prose:
        'A different fix: let storage give up sooner. The lesson turns coalescing off again. In the **Policy** panel, set the **Storage queue limit per node** to **4** instead of 40 (type 4 and press Enter), so no operation waits behind more than four others; the rest are rejected at once. cache-1 is up and warm again.',
      setup: [{ type: 'setCache', policy: { coalescing: false } }],
      action: {
        prompt: 'Set the storage queue limit per node to 4 in the Policy panel.',
        match: [{ type: 'setStorageQueueLimit', fields: { queueLimit: 4 } }],
        perform: [{ type: 'setStorageQueueLimit', queueLimit: 4 }],
      },
      only: ['policy'],
      observeMs: SHED_WARM_MS,
      figures: [
        windowFigure(
          'shedWarmAvailability',
          'availability before the crash, queue limit 4',
          'availability',
          between('action:shed-sooner', SETTLE_MS, SHED_WARM_MS),
        ),
      ],
      reveal:
        'With the cache warm, the short queue costs nothing: availability {{shedWarmAvailability}}. Storage runs well under its capacity, so its queues are rarely longer than four.',
    },
    {
      id: 'crash-again',
      title: 'Crash the cache again',
      prose: 'Now crash **cache-1** again, with the queue limit at 4 and coalescing off.',
      prediction: choice(
        'With storage shedding load sooner, what will availability be with cache-1 down?',
        'about-same',
        {
          'above-99': 'Back above 99%, as with coalescing',
          'about-same': 'About as low as before, around 80%',
          'near-zero': 'Close to zero',
        },
      ),
      action: crashCache1,
      only: ['crashNode'],
      observeMs: OBSERVE_MS,
      figures: [
        windowFigure(
          'shedAvailability',
          'availability, cache-1 down, queue limit 4',
          'availability',
          settled('action:crash-again'),
        ),
        windowFigure(
          'shedP99',
          'p99 (median second), cache-1 down, queue limit 4',
          'p99',
          settled('action:crash-again'),
          'median',
        ),
        ratioFigure('shedP99Ratio', 'p99 with queue limit 4 over p99 with 40', 'shedP99', 'crashP99'),
      ],
      reveal:
        'Availability was {{shedAvailability}}, no better than {{crashAvailability}} with the long queue. Shedding made the requests that succeeded a little faster (p99 {{shedP99}} against {{crashP99}}), but it did not add capacity: storage still gets more reads than it can serve, and it now says no sooner instead of later. Clients retry what was refused, so the load does not go away, and the app servers fill with retries too.\n\nShedding protects *latency*, and keeps an overloaded node from drowning in its own queue. It cannot make up for the capacity the cache was providing. Coalescing could, because it removed work instead of refusing it.',
    },
    {
      id: 'flush',
      title: 'A flush by mistake',
      prose:
        'Last, a human error: someone flushes a cache in production, meaning to flush a test machine. The run starts over with the usual settings. After 30 seconds, flush **cache-1**: it stays up, but loses every key.',
      restart: {},
      action: {
        prompt: 'Open cache-1’s menu and choose Flush cache.',
        match: [{ type: 'flushCache', fields: { nodeId: 'cache-1' } }],
        perform: [{ type: 'flushCache', nodeId: 'cache-1' }],
        afterMs: WARM_MS,
      },
      only: ['flushCache'],
      observeMs: 20_000,
      figures: [
        windowFigure(
          'flushPeakStorage',
          'busiest second of storage after the flush',
          'storageRps',
          between('action:flush', 0, 5_000),
          'max',
        ),
        hitRatio('flushHit', 'cache hit ratio, 10–20 s after the flush', between('action:flush', 10_000, 20_000)),
        windowFigure(
          'flushAvailability',
          'availability after the flush',
          'availability',
          between('action:flush', 0, 20_000),
        ),
      ],
      reveal:
        'Storage’s busiest second after the flush asked for {{flushPeakStorage}} operations, under the {{storageCapacity}} it can serve, and availability stayed at {{flushAvailability}}; the hit ratio was back to {{flushHit}} within 20 seconds. A flushed node keeps answering, so each hot key misses once and is cached again. A crash is worse because every read of its keys misses for as long as the node is down. With a busier storage tier, or a larger share of reads on the cache, the same flush would start a stampede.',
    },
  ],
  claims: cacheFaultDomainClaims(STORAGE_CAPACITY_RPS),
  conclusion:
    'With the cache warm, storage ran at {{warmLoadShare}} of its capacity. One crashed cache node cut the hit ratio to {{crashHit}}, asked storage for {{crashLoadShare}} times what it can serve and brought availability down to {{crashAvailability}}: a fault in one tier became a failure of the system. Coalescing restored {{coalAvailability}} by removing duplicate work; a shorter storage queue left availability at {{shedAvailability}}, because refusing work sooner is not serving more of it. A cache that the database depends on must be planned for like any other component: how many nodes can fail, and what storage does when they do.',
  freeExperiment:
    'Replay the crash with **Serve a stale value when storage fails** ticked as well as coalescing, or crash **cache-2** instead of cache-1. Each node owns about half of the keys, but not half of the *reads*: does losing cache-2 hurt as much?',
};
