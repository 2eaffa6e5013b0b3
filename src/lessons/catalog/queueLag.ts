// Lesson 13: a queue turns overload into delay. On the data-system scenario the notifier (an email
// per write) runs at about two thirds of its capacity; doubling the writes makes its lag grow at
// the excess rate while users see no errors, and back at normal load the lag drains at the spare
// rate (capacity − arrival rate), which the learner predicts. A third notifier drains it faster.
import type { LessonInput } from '../lessonSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { queueLagClaims } from './queueLagClaims';
import { between, choice, constantFigure, differenceFigure, ratioFigure, windowFigure, type Mark } from './builders';

const notifier = dataSystem.consumerGroups?.find((g) => g.role === 'notifier');
const CONSUMERS = notifier?.consumers ?? 2;
const WORKERS = notifier?.workers ?? 2;
const EMAIL_MS = notifier?.serviceTime.meanMs ?? 25;
const PAUSE_S = (notifier?.rebalancePauseMs ?? 3000) / 1000;
/** Emails per second the notifier sends with every worker busy. */
const CAPACITY = (CONSUMERS * WORKERS * 1000) / EMAIL_MS;
const CAPACITY_THREE = ((CONSUMERS + 1) * WORKERS * 1000) / EMAIL_MS;
const READ_SHARE = dataSystem.clients.readShare;
const SEARCH_SHARE = dataSystem.clients.searchShare ?? 0;
const WRITE_PERCENT = Math.round((1 - READ_SHARE - SEARCH_SHARE) * 100);
// Writes are what is left after reads and searches: 5% more reads' worth of writes doubles them.
const SPIKE_READ_SHARE = READ_SHARE - (1 - READ_SHARE - SEARCH_SHARE);
const pct = (share: number) => Math.round(share * 100);

const STEADY_MS = 30_000;
const SPIKE_MS = 30_000;
const DRAIN_WATCH_MS = 60_000;
// The notifier counts as caught up when under 50 events wait: about half a second of normal writes
// (it keeps 10 to 30 waiting at normal load, the events just written and those being sent).
const CAUGHT_UP_EVENTS = 50;

/** The learner sets the read share in the Load panel (writes are what reads and searches leave). */
const setReads = (readShare: number, prompt: string) => ({
  prompt,
  match: [{ type: 'setLoad', fields: { readShare } }],
  perform: [{ type: 'setLoad', readShare }],
});
const doubleWrites = (prompt: string) => setReads(SPIKE_READ_SHARE, prompt);
const normalWrites = (prompt: string) => setReads(READ_SHARE, prompt);

/** The notifier's lag over the last two seconds of a span that began at `mark`. */
const lagAt = (id: string, label: string, mark: Mark, endMs: number) =>
  windowFigure(id, label, 'notifierLagEvents', between(mark, endMs - 2_000, endMs), 'max');

/** Time from `mark` until the notifier's lag is back under CAUGHT_UP_EVENTS, in ms. */
const drainTime = (id: string, label: string, mark: Mark) => ({
  id,
  label,
  unit: 'ms' as const,
  measure: {
    kind: 'timeUntil' as const,
    stat: 'notifierLagEvents' as const,
    atMost: CAUGHT_UP_EVENTS,
    from: { mark, plusMs: 0 },
    to: { mark, plusMs: DRAIN_WATCH_MS },
  },
});

export const queueLag: LessonInput = {
  id: 'queue-lag',
  number: 13,
  title: 'A queue turns overload into delay',
  summary:
    'The notifier sends an email for every write, reading the writes from a log. Double the writes and the emails fall behind while users see no errors; predict how long the notifier takes to catch up.',
  minutes: 9,
  scenario: 'data-system',
  steps: [
    {
      id: 'steady',
      title: 'A notifier with room to spare',
      prose: `Every write the database acknowledges adds a **change event** to a **log**. The **notifier** reads the log and sends one email per event. It has ${CONSUMERS} consumers, **notifier-1** and **notifier-2**, each sending ${WORKERS} emails at a time, and an email takes ${EMAIL_MS} ms on average. So it can send at most ${CONSUMERS} × ${WORKERS} × 1000 / ${EMAIL_MS} = **${CAPACITY} emails per second**.\n\nThe user who made the write does not wait for the email: the write is acknowledged first, and the email follows. The events the notifier has not handled yet are its **lag**.\n\nPress **Play** and watch for 30 seconds.`,
      only: [],
      observeMs: STEADY_MS,
      figures: [
        windowFigure(
          'steadyWrites',
          'change events per second, normal load',
          'logAppends',
          between('step:steady', 10_000, STEADY_MS),
        ),
        constantFigure('capacity', 'emails per second the notifier can send', CAPACITY),
        ratioFigure('steadyBusy', 'notifier busy, normal load', 'steadyWrites', 'capacity', 'percent'),
        windowFigure(
          'steadyLag',
          'most events waiting for the notifier, normal load',
          'notifierLagEvents',
          between('step:steady', 10_000, STEADY_MS),
          'max',
        ),
      ],
      reveal:
        'The log received {{steadyWrites}} events per second, so the notifier was busy {{steadyBusy}} of the time. Never more than {{steadyLag}} events waited: those just written and those being sent.',
    },
    {
      id: 'double-writes',
      title: 'Double the writes',
      prose: `Writes are ${WRITE_PERCENT}% of requests. In the **Load** panel, set **Reads** to **${pct(SPIKE_READ_SHARE)}%**: writes become ${WRITE_PERCENT * 2}%, about twice as many, more than the notifier can send.`,
      prediction: choice(
        'The notifier gets more events per second than it can handle. What do the users see?',
        'delay',
        {
          errors: 'Errors: the requests that write fail once the notifier is full',
          delay: 'No errors: the emails arrive later and later',
          nothing: 'Nothing at all, and the emails are as quick as before',
        },
      ),
      action: doubleWrites(`In the Load panel, set Reads to ${pct(SPIKE_READ_SHARE)}%.`),
      only: ['load'],
      observeMs: SPIKE_MS,
      figures: [
        windowFigure(
          'spikeWrites',
          'change events per second, doubled writes',
          'logAppends',
          between('action:double-writes', 2_000, SPIKE_MS),
        ),
        lagAt('spikeLag', 'events waiting for the notifier after 30 s', 'action:double-writes', SPIKE_MS),
        constantFigure('spikeSeconds', 'seconds of doubled writes', SPIKE_MS / 1000),
        differenceFigure('lagAdded', 'events the lag grew by', 'spikeLag', 'steadyLag', 'count'),
        ratioFigure('lagGrowth', 'events the lag grew by each second', 'lagAdded', 'spikeSeconds', 'count'),
        differenceFigure('excess', 'events per second beyond the capacity', 'spikeWrites', 'capacity', 'count'),
        ratioFigure('growthOverExcess', 'lag growth over the excess rate', 'lagGrowth', 'excess'),
        windowFigure(
          'spikeAvailability',
          'availability, doubled writes',
          'availability',
          between('action:double-writes', 0, SPIKE_MS),
        ),
      ],
      reveal: `The log now received {{spikeWrites}} events per second, {{excess}} more than the notifier's {{capacity}}. The lag grew by about {{lagGrowth}} events each second and reached {{spikeLag}}. Availability was {{spikeAvailability}}.\n\nThe log **absorbed** the overload: the events wait in it, in order, and none is refused. The cost is **delay**: an email now goes out about as many seconds after its write as the lag takes to send. Without the log, the write path would have had to send the emails itself, and the overload would have been failed or slow requests.`,
    },
    {
      id: 'back-to-normal',
      title: 'Back to normal: predict the drain',
      prose: `Now the writes go back to normal. The notifier still sends ${CAPACITY} emails per second, while new events arrive at about {{steadyWrites}} per second: it works off the lag with the difference, its **spare rate**.\n\n**Time to drain = lag ÷ (capacity − arrival rate).** Use the lag you saw ({{spikeLag}}) to predict it. Then, in the **Load** panel, set **Reads** back to **${pct(READ_SHARE)}%**.`,
      prediction: {
        kind: 'number',
        question: 'How many seconds will the notifier take to catch up (fewer than 50 events waiting)?',
        unit: 'count',
        answer: 'drainSeconds',
        tolerance: 0.25,
        min: 0,
        max: 3600,
      },
      action: normalWrites(`In the Load panel, set Reads back to ${pct(READ_SHARE)}%.`),
      only: ['load'],
      observeMs: DRAIN_WATCH_MS,
      figures: [
        drainTime('drainMs', 'time until the notifier caught up', 'action:back-to-normal'),
        constantFigure('msPerSecond', 'milliseconds in a second', 1000),
        ratioFigure('drainSeconds', 'seconds until the notifier caught up', 'drainMs', 'msPerSecond', 'count'),
        differenceFigure('spare', 'spare emails per second at normal load', 'capacity', 'steadyWrites', 'count'),
        ratioFigure('predictedDrain', 'seconds to drain by the formula', 'spikeLag', 'spare', 'count'),
        ratioFigure('drainOverPredicted', 'measured drain time over the formula’s', 'drainSeconds', 'predictedDrain'),
        windowFigure(
          'drainAvailability',
          'availability while the lag drains',
          'availability',
          between('action:back-to-normal', 0, DRAIN_WATCH_MS),
        ),
      ],
      reveal:
        'The notifier caught up after {{drainSeconds}} seconds. The formula gives {{spikeLag}} ÷ ({{capacity}} − {{steadyWrites}}) = {{predictedDrain}} seconds.\n\nA lag drains only as fast as the **spare** capacity allows. Here the spare rate ({{spare}} per second) is about the same as the overload was, so the lag took about as long to drain as it took to build. Had the notifier been 90% busy at normal load, its spare rate would be a tenth of its capacity, and the same lag would have taken more than three times as long: a queue that runs close to its capacity takes a long time to recover from a burst.',
    },
    {
      id: 'spike-again',
      title: 'Double the writes again',
      prose: `Set **Reads** to **${pct(SPIKE_READ_SHARE)}%** again, for another 30 seconds of doubled writes. This time you will add a third notifier to drain the lag.`,
      action: doubleWrites(`In the Load panel, set Reads to ${pct(SPIKE_READ_SHARE)}%.`),
      only: ['load'],
      observeMs: SPIKE_MS,
      figures: [lagAt('againLag', 'events waiting for the notifier after 30 s', 'action:spike-again', SPIKE_MS)],
      reveal: 'The lag built up again, to {{againLag}} events.',
    },
    {
      id: 'add-notifier',
      title: 'Add a notifier',
      prose: `The lesson has set the writes back to normal. Now press **+** beside **Notifier group** (above the picture) to add a third consumer, **notifier-3**: ${CONSUMERS + 1} × ${WORKERS} × 1000 / ${EMAIL_MS} = ${CAPACITY_THREE} emails per second. The group first stops for ${PAUSE_S} s to share out the log’s partitions again (a *rebalance*); only then do three consumers send.`,
      setup: [{ type: 'setLoad', readShare: READ_SHARE }],
      action: {
        prompt: 'Press + beside Notifier group to add notifier-3.',
        match: [{ type: 'addConsumer', fields: { group: 'notifier' } }],
        perform: [{ type: 'addConsumer', group: 'notifier' }],
      },
      only: ['addConsumer'],
      observeMs: DRAIN_WATCH_MS,
      figures: [
        drainTime('threeDrainMs', 'time until three notifiers caught up', 'action:add-notifier'),
        ratioFigure(
          'threeDrainSeconds',
          'seconds until three notifiers caught up',
          'threeDrainMs',
          'msPerSecond',
          'count',
        ),
      ],
      reveal: `With three notifiers the lag of {{againLag}} events was gone after {{threeDrainSeconds}} seconds, against {{drainSeconds}} with two, although for the first ${PAUSE_S} s nobody sent anything. Adding consumers is how a lagging queue is helped; but they can only share the work if there are enough partitions to go round, and every rebalance pauses the whole group.`,
    },
  ],
  claims: queueLagClaims,
  conclusion:
    'Doubling the writes overloaded the notifier, yet availability stayed at {{spikeAvailability}}: the log turned the overload into a lag of {{spikeLag}} events, growing about {{lagGrowth}} per second. Back at normal load it drained in {{drainSeconds}} s, against {{predictedDrain}} s by lag ÷ (capacity − arrival rate). A queue keeps a burst from becoming errors, but it hands the users a delay, and the delay lasts as long as the spare capacity needs to work it off.',
  freeExperiment:
    'Double the writes and leave them doubled: the lag grows without end, and so does each email’s delay. Or crash **notifier-1** during the spike and see how many emails its restart sends twice.',
};
