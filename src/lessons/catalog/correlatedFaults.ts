// Lesson 3: redundancy only helps against faults that strike copies independently. A rack power
// failure takes every machine in the rack at once, so where the replicas sit decides whether the
// same fault costs nothing or a third of the data.
import type { LessonInput } from '../lessonSchema';
import { choice, currentFigure, ratioFigure, since, totalFigure, windowFigure } from './builders';
import { correlatedFaultsOddsStep, correlatedOddsClaims } from './correlatedFaultsOdds';

// rack-b and rack-c hold app servers and storage but not the load balancer (which is in rack-a).
const outageAction = {
  prompt: 'Power-fail rack-b or rack-c (click a node in that rack).',
  match: [
    { type: 'powerFailRack', fields: { rackId: 'rack-b' } },
    { type: 'powerFailRack', fields: { rackId: 'rack-c' } },
  ],
  perform: [{ type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 0 }],
  afterMs: 10_000,
};

// A fire: rack-b loses power and every disk in it, 20 s into the run.
const FIRE_AT_MS = 20_000;
const fire = {
  schedule: [
    { atMs: FIRE_AT_MS, command: { type: 'powerFailRack', rackId: 'rack-b', durationMs: 0, diskFailShare: 1 } },
  ],
};

export const correlatedFaults: LessonInput = {
  id: 'correlated-faults',
  number: 3,
  title: 'Correlated faults',
  summary:
    'Cut the power to a whole rack. With replicas spread over racks nothing is lost; with all copies in one rack, one fault takes out a third of the data.',
  minutes: 9,
  scenario: 'default',
  edits: { storage: { count: 9 } },
  steps: [
    {
      id: 'spread',
      title: 'Replicas in three racks',
      prose:
        'Machines in one rack share a power supply and a network switch. When one of those fails, every machine in the rack goes down together: a **correlated fault**.\n\nThis cluster has nine storage nodes, three per rack, and keeps three copies of each of 120 partitions. The copies are placed **rack-aware**: one in each rack. Click any node in **rack-b** or **rack-c** and choose **Power-fail rack**. (Leave rack-a alone for now: the load balancer lives there.)',
      prediction: choice(
        'A whole rack goes dark: a third of the storage nodes and an app server. What happens to the data?',
        'none',
        {
          none: 'Every partition can still be read and written',
          third: 'About a third of the partitions become unreachable',
          all: 'The whole service stops',
        },
      ),
      action: outageAction,
      observeMs: 20_000,
      only: ['powerFailRack'],
      figures: [
        currentFigure('spreadUnavailable', 'partitions without enough live copies', 'unavailablePartitions'),
        currentFigure('spreadNodesDown', 'nodes down', 'nodesDown'),
        windowFigure(
          'spreadAvailability',
          'availability during the outage',
          'availability',
          since('action:spread', 5000),
        ),
      ],
      reveal:
        '{{spreadNodesDown}} nodes went down at once, yet the count of partitions without enough live copies is {{spreadUnavailable}}, and availability during the outage is {{spreadAvailability}}. Every partition had a copy in each rack, so losing one rack left two copies of everything: enough for a write quorum of two.',
    },
    {
      id: 'one-rack',
      title: 'Replicas in one rack',
      prose:
        'The run restarts with a different placement: all three copies of a partition now sit in the **same rack**, on three different machines. That still looks redundant: any one machine can die. Power-fail rack-b or rack-c again.',
      restart: { storage: { placement: 'single-rack' } },
      prediction: choice('The same rack fails. How much of the data becomes unreachable now?', 'third', {
        none: 'None: there are still three copies of everything',
        third: 'About a third of the partitions',
        all: 'All of it',
      }),
      action: outageAction,
      observeMs: 20_000,
      only: ['powerFailRack'],
      figures: [
        currentFigure('oneRackUnavailable', 'partitions without enough live copies', 'unavailablePartitions'),
        windowFigure(
          'oneRackAvailability',
          'availability during the outage',
          'availability',
          since('action:one-rack', 5000),
        ),
      ],
      reveal:
        'This time {{oneRackUnavailable}} of the 120 partitions have no live copy at all: every copy was in the rack that went dark. Availability during the outage is {{oneRackAvailability}}: a request for data in the dark rack fails however often it is retried. Three copies protect against three *independent* faults. Put them all behind one power supply and a single fault takes all three, so for this fault you have one copy, not three.',
    },
    {
      id: 'fire-one-rack',
      title: 'When the disks burn too',
      prose:
        'A power cut leaves the disks intact: when power returns, the data is back. A fire or a flood does not. The run restarts with all copies in one rack again, and 20 seconds in, a fire in rack-b destroys every disk in it. Watch the **acknowledged writes lost**.',
      restart: { storage: { placement: 'single-rack' }, ...fire },
      prediction: {
        kind: 'number',
        question: 'What share of the writes acknowledged before the fire will be lost?',
        unit: 'percent',
        answer: 'fireShare',
        tolerance: 0.25,
        min: 0,
        max: 1,
      },
      observeMs: FIRE_AT_MS + 200,
      figures: [
        totalFigure('fireAcked', 'writes acknowledged before the fire', 'writesAcked', 'step:fire-one-rack'),
        totalFigure(
          'fireLost',
          'acknowledged writes lost, copies in one rack',
          'ackedWritesLost',
          'step:fire-one-rack',
        ),
        totalFigure('firePartitions', 'partitions that lost every copy', 'partitionsLost', 'step:fire-one-rack'),
        ratioFigure('fireShare', 'share of acknowledged writes lost', 'fireLost', 'fireAcked', 'percent'),
      ],
      reveal:
        'The fire destroyed {{firePartitions}} partitions and {{fireLost}} of {{fireAcked}} acknowledged writes: {{fireShare}}, a third, because a third of the partitions lived entirely in rack-b. Each write had been saved on three disks, and all three burned in the same fire.',
    },
    {
      id: 'fire-spread',
      title: 'The same fire, copies spread',
      prose:
        'Once more with rack-aware placement, one copy per rack. The same fire breaks out in rack-b at 20 seconds.',
      restart: fire,
      prediction: choice('How many acknowledged writes will this fire destroy?', 'none', {
        none: 'None',
        third: 'A third, as before',
        ninth: 'Fewer, but some',
      }),
      observeMs: FIRE_AT_MS + 15_000,
      figures: [
        totalFigure('spreadFireLost', 'acknowledged writes lost, copies spread', 'ackedWritesLost', 'step:fire-spread'),
        windowFigure(
          'spreadFireAvailability',
          'availability after the fire',
          'availability',
          since('step:fire-spread', FIRE_AT_MS + 5000),
        ),
      ],
      reveal:
        'The fire destroyed a copy of every partition, and {{spreadFireLost}} acknowledged writes were lost; availability after the fire stayed at {{spreadFireAvailability}}. The cluster is now rebuilding the burned copies in the two racks that survived.',
    },
    correlatedFaultsOddsStep,
  ],
  claims: [
    {
      id: 'spread-survives-rack',
      text: 'With one copy per rack, a rack power failure leaves no partition without a write quorum.',
      figure: 'spreadUnavailable',
      op: '<=',
      than: 0,
    },
    {
      id: 'spread-stays-available',
      text: 'With one copy per rack, availability during a rack power failure stays at or above 99.9%.',
      figure: 'spreadAvailability',
      op: '>=',
      than: 0.999,
    },
    {
      id: 'one-rack-loses-third',
      text: 'With all copies in one rack, a rack power failure leaves 40 of 120 partitions (a third) with no live copy.',
      figure: 'oneRackUnavailable',
      op: '>=',
      than: 40,
    },
    {
      id: 'one-rack-unavailable',
      text: 'With all copies in one rack, availability during a rack power failure falls below 99%.',
      figure: 'oneRackAvailability',
      op: '<',
      than: 0.99,
    },
    {
      id: 'one-rack-availability-third',
      text: 'With all copies in one rack, availability during a rack power failure is at most 75%: requests for the third of the data in the dark rack fail however often they are retried.',
      figure: 'oneRackAvailability',
      op: '<=',
      than: 0.75,
    },
    {
      id: 'fire-loses-third-low',
      text: 'With all copies in one rack, a fire in that rack destroys at least 25% of the writes acknowledged before it.',
      figure: 'fireShare',
      op: '>=',
      than: 0.25,
    },
    {
      id: 'fire-loses-third-high',
      text: 'With all copies in one rack, a fire in that rack destroys at most 42% of the writes acknowledged before it.',
      figure: 'fireShare',
      op: '<=',
      than: 0.42,
    },
    {
      id: 'spread-fire-loses-nothing',
      text: 'With one copy per rack, the same fire destroys no acknowledged write.',
      figure: 'spreadFireLost',
      op: '<=',
      than: 0,
    },
    ...correlatedOddsClaims,
  ],
  conclusion:
    'The same rack failure cost nothing with copies spread over racks ({{spreadUnavailable}} partitions unreachable, {{spreadFireLost}} writes lost in a fire) and a third of the data with copies in one rack ({{oneRackUnavailable}} partitions unreachable, {{fireShare}} of the writes burned). Redundancy multiplies safety only when the copies fail independently. Whenever several copies share something (a rack, a power feed, a data centre, a software version), that shared thing is a single point of failure.',
  freeExperiment:
    'Power-fail rack-a. It holds the load balancer, and there is only one: what happens to availability, however the replicas are placed? Or, with all copies in one rack, power-fail rack-b and restore its power a minute later: is any acknowledged write lost, and how long were its partitions unreachable?',
};
