// Lesson 12: scaling out takes time. On the
// data-system scenario a ×1.5 spike overloads the six app servers; servers added by hand help
// only after the provisioning delay; an autoscaler adds the lag of its evaluation interval; and
// a cache node joining a ring moves about 1/(N+1) of the keys, modulo placement most of them.
// The autoscaler is turned on live (setAutoscaler, Policy panel). The numbers in the comments
// are from seed 1000.
import type { LessonInput } from '../lessonSchema';
import { between, choice, windowFigure } from './builders';

const WARM_MS = 30_000;
const PROVISIONING_MS = 20_000;
const SPIKE = { type: 'spikeLoad', multiplier: 1.5, durationMs: 120_000 };
// Target 0.8, not 0.6: at 0.6 the autoscaler already grows the tier to 8 at normal load
// (76% busy), and the spike then shows headroom rather than lag.
const AUTOSCALER = {
  mode: 'utilization',
  targetUtilization: 0.8,
  minSize: 6,
  maxSize: 12,
  evaluationIntervalMs: 5_000,
  cooldownMs: 10_000,
  provisioningDelayMs: PROVISIONING_MS,
};

// What the learner types in the Policy panel (the provisioning delay is the scenario's).
const { provisioningDelayMs: _scenarios, ...AUTOSCALER_FORM } = AUTOSCALER;

const spikeAction = {
  prompt: 'In the Load panel, start a load spike of ×1.5 for 120 s.',
  match: [{ type: 'spikeLoad', fields: { multiplier: 1.5 } }],
  perform: [SPIKE],
  afterMs: WARM_MS,
};
const addCacheNode = {
  prompt: 'Press + beside Cache nodes.',
  match: [{ type: 'addNode', fields: { tier: 'cache' } }],
  perform: [{ type: 'addNode', tier: 'cache' }],
  afterMs: WARM_MS,
};
const joined = (mark: 'action:ring' | 'action:modulo') => between(mark, PROVISIONING_MS, PROVISIONING_MS + 2_000);

export const scalingOut: LessonInput = {
  id: 'scaling-out',
  number: 12,
  title: 'Scaling out, by hand and by autoscaler',
  summary:
    'A load spike overloads the app servers. Add servers by hand, then let an autoscaler do it, and see what each waits for. Then add a cache node, with a hash ring and with modulo placement.',
  minutes: 9,
  scenario: 'data-system',
  steps: [
    {
      id: 'spike',
      title: 'A spike the app servers cannot carry',
      prose:
        'Six app servers carry the normal load at about three-quarters busy. After 30 seconds of normal load, start a **load spike** of **×1.5** for 120 s from the **Load** panel.',
      action: spikeAction,
      only: ['load'],
      observeMs: 20_000,
      figures: [
        // Seed 1000: 88%.
        windowFigure(
          'spikeAvailability',
          'availability during the spike',
          'availability',
          between('action:spike', 5_000, 20_000),
        ),
        windowFigure(
          'spikeP50',
          'median latency during the spike',
          'p50',
          between('action:spike', 5_000, 20_000),
          'median',
        ),
      ],
      reveal:
        'Availability fell to {{spikeAvailability}} and the median request waited {{spikeP50}}: the app servers’ queues are full, and retries add to the load.',
    },
    {
      id: 'by-hand',
      title: 'Add servers by hand',
      prose:
        'Press **+** beside **App servers** three times. A new server is **starting** for 20 s (the provisioning delay: a machine to find, boot and deploy to) before it takes requests.',
      prediction: choice('When will availability recover?', 'after-delay', {
        'at-once': 'At once: there are more servers',
        'after-delay': 'Only about 20 s later, when the new servers are ready',
        never: 'Not at all: the spike is too large',
      }),
      action: {
        prompt: 'Press + beside App servers three times.',
        match: [{ type: 'addNode', fields: { tier: 'app' } }],
        perform: [
          { type: 'addNode', tier: 'app' },
          { type: 'addNode', tier: 'app' },
          { type: 'addNode', tier: 'app' },
        ],
      },
      only: ['addNode'],
      observeMs: 40_000,
      figures: [
        // Seed 1000: 88% while starting, 99.7% once ready.
        windowFigure(
          'handStartingAvailability',
          'availability while the new servers start',
          'availability',
          between('action:by-hand', 0, 18_000),
        ),
        windowFigure(
          'handReadyAvailability',
          'availability once they serve',
          'availability',
          between('action:by-hand', 25_000, 40_000),
        ),
        windowFigure(
          'handServersReady',
          'app servers serving, once ready',
          'appServersUp',
          between('action:by-hand', 25_000, 40_000),
          'min',
          'count',
        ),
      ],
      reveal:
        'While the new servers started, availability stayed at {{handStartingAvailability}}; once {{handServersReady}} servers served it rose to {{handReadyAvailability}}. The fix was right, but it came 20 s late: capacity asked for during a spike arrives after the provisioning delay, and the requests of those 20 s were already lost. Adding servers before the load arrives, or keeping spare ones, is what avoids that.',
    },
    {
      id: 'autoscaler-on',
      title: 'Turn on an autoscaler',
      prose:
        'The run starts over with six app servers and no spike. Open the **Policy** panel. Under **Autoscaler for the app servers**, keep **Scale on** at utilization and set the **Target utilization** to **80**%, keep **6** and **12** as the fewest and most app servers, set **Looks every** to **5** s and the **Cooldown** to **10** s, then press **Turn on autoscaler**.\n\nEvery 5 s it compares how busy the servers are with the target and asks for ⌈servers × busy / 80%⌉; each new server starts for 20 s.',
      restart: {},
      action: {
        prompt:
          'Turn on the autoscaler in the Policy panel: target utilization 80%, 6 to 12 app servers, every 5 s, cooldown 10 s.',
        match: [
          {
            type: 'setAutoscaler',
            fields: { policy: AUTOSCALER_FORM },
          },
        ],
        perform: [{ type: 'setAutoscaler', policy: AUTOSCALER }],
      },
      only: ['policy'],
      observeMs: WARM_MS,
      figures: [
        windowFigure(
          'autoQuietServers',
          'most app servers serving at normal load',
          'appServersUp',
          between('action:autoscaler-on', 0, WARM_MS),
          'max',
          'count',
        ),
      ],
      reveal:
        'At normal load the servers are about three-quarters busy, within 10% of the 80% target, so the autoscaler kept {{autoQuietServers}} servers. Its last decision is shown under the autoscaler in the Policy panel; each one that adds or removes servers is in the Log.',
    },
    {
      id: 'autoscaler',
      title: 'The same spike, with the autoscaler',
      prose: 'Now start the same spike, **×1.5** for 120 s, from the **Load** panel, and watch the autoscaler react.',
      action: { ...spikeAction, afterMs: 0 },
      only: ['load'],
      observeMs: 60_000,
      figures: [
        // Seed 1000: first servers ready about 25 s after the spike (8), more at about 50 s (10).
        windowFigure(
          'autoServersEarly',
          'most app servers serving in the first 20 s',
          'appServersUp',
          between('action:autoscaler', 0, 20_000),
          'max',
          'count',
        ),
        windowFigure(
          'autoServersLate',
          'app servers serving after 50 s',
          'appServersUp',
          between('action:autoscaler', 50_000, 60_000),
          'max',
          'count',
        ),
        windowFigure(
          'autoEarlyAvailability',
          'availability, first 20 s of the spike',
          'availability',
          between('action:autoscaler', 5_000, 20_000),
        ),
        windowFigure(
          'autoLateAvailability',
          'availability, 30–60 s into the spike',
          'availability',
          between('action:autoscaler', 30_000, 60_000),
        ),
      ],
      reveal:
        'For the first 20 s the autoscaler had {{autoServersEarly}} servers serving and availability was {{autoEarlyAvailability}}: it needs up to one evaluation interval to notice and then the provisioning delay to deliver. Utilization cannot show more than 100%, so its first look underestimates the load and a second round follows. After 50 s it had {{autoServersLate}} servers and availability {{autoLateAvailability}}.',
    },
    {
      id: 'ring',
      title: 'Add a cache node on a ring',
      prose:
        'The run starts over. Keys are placed on the cache nodes by a **hash ring**: a new node takes over about 1/(N+1) of the keys, here a third. After 30 s, press **+** beside **Cache nodes**; it joins after the provisioning delay.',
      restart: {},
      action: addCacheNode,
      only: ['addNode'],
      observeMs: 30_000,
      figures: [
        windowFigure(
          'ringWarmHit',
          'hit ratio before the new node',
          'hitRatio',
          between('step:ring', 10_000, WARM_MS),
          'mean',
          'percent',
        ),
        windowFigure(
          'ringJoinHit',
          'hit ratio, 2 s after the node joins',
          'hitRatio',
          joined('action:ring'),
          'mean',
          'percent',
        ),
      ],
      reveal:
        'The hit ratio dipped from {{ringWarmHit}} to {{ringJoinHit}} for a moment: the third of keys that moved miss once on the new node and are cached again.',
    },
    {
      id: 'modulo',
      title: 'The same with modulo placement',
      prose:
        'The run starts over with **modulo** placement (key number mod the number of nodes). Going from 2 nodes to 3 moves every key whose remainder changes: two-thirds of them. After 30 s, add a cache node again.',
      restart: { cache: { placement: 'modulo' } },
      prediction: choice('How will the dip compare with the ring’s?', 'deeper', {
        same: 'About the same',
        deeper: 'Deeper: twice as many keys move',
        none: 'No dip at all',
      }),
      action: addCacheNode,
      only: ['addNode'],
      observeMs: 30_000,
      figures: [
        windowFigure(
          'moduloJoinHit',
          'hit ratio, 2 s after the node joins (modulo)',
          'hitRatio',
          joined('action:modulo'),
          'mean',
          'percent',
        ),
        windowFigure(
          'moduloPeakStorage',
          'busiest second of storage after the join',
          'storageRps',
          joined('action:modulo'),
          'max',
        ),
      ],
      reveal:
        'With modulo placement the hit ratio fell to {{moduloJoinHit}} (ring: {{ringJoinHit}}) and storage’s busiest second asked for {{moduloPeakStorage}} operations. With 2 nodes becoming 3 the miss storm is short, because the hottest keys refill at once; with 20 nodes becoming 21, modulo moves 95% of keys and the ring under 5%.',
    },
  ],
  claims: [
    {
      id: 'hand-waits-for-provisioning',
      text: 'Servers added by hand do not help while they start: availability stays below 95%.',
      figure: 'handStartingAvailability',
      op: '<',
      than: 0.95,
    },
    {
      id: 'hand-helps-when-ready',
      text: 'Once the servers serve, availability rises above 95%.',
      figure: 'handReadyAvailability',
      op: '>',
      than: 0.95,
    },
    {
      id: 'autoscaler-lags',
      text: 'In the first 20 s of the spike, the autoscaler has no new server serving.',
      figure: 'autoServersEarly',
      op: '<=',
      than: 6,
    },
    {
      id: 'modulo-deeper',
      text: 'A cache node joining with modulo placement dips the hit ratio more than one joining the ring.',
      figure: 'moduloJoinHit',
      op: '<',
      than: { figure: 'ringJoinHit', times: 1 },
    },
  ],
  conclusion:
    'Capacity added by hand arrived 20 s after it was asked for; the autoscaler added its evaluation interval and a second round. Availability during the wait: {{handStartingAvailability}} and {{autoEarlyAvailability}}. Scaling is not instant, so a system needs headroom for the time it takes.',
  freeExperiment:
    'Set the autoscaler’s target to 60% in the Policy panel: it grows the tier before the spike, at the price of idle machines. Compare the machine-seconds.',
};
