// Lesson 13: a queue turns overload into delay. On the data-system scenario the notifier (an email
// per write) runs at about four fifths of its capacity; half as many writes again make its lag grow
// at the excess rate while users see no errors, and back at normal load the lag drains at the spare
// rate (capacity − arrival rate), which the learner predicts. A second notifier drains it faster.
import type { LessonInput } from '../lessonSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { queueLagClaims } from './queueLagClaims';
import { between, choice, constantFigure, differenceFigure, ratioFigure, windowFigure, type Mark } from './builders';

const notifier = dataSystem.consumerGroups?.find((g) => g.role === 'notifier');
const CONSUMERS = notifier?.consumers ?? 1;
const WORKERS = notifier?.workers ?? 4;
const EMAIL_MS = notifier?.serviceTime.meanMs ?? 30;
const PAUSE_S = (notifier?.rebalancePauseMs ?? 3000) / 1000;
/** Emails per second the notifier sends with every worker busy. */
const CAPACITY = (CONSUMERS * WORKERS * 1000) / EMAIL_MS;
const CAPACITY_TEXT = Math.round(CAPACITY);
const CONSUMER_WORDS =
  CONSUMERS === 1 ? 'one consumer, **notifier-1**, which sends' : `${CONSUMERS} consumers, each sending`;
// Shares as the Load panel has them (percent with one decimal), so the learner's command matches.
const share = (x: number) => Math.round(x * 1000) / 1000;
const READ_SHARE = dataSystem.clients.readShare;
const WRITE_SHARE = share(1 - READ_SHARE - (dataSystem.clients.searchShare ?? 0));
// Writes are what reads and searches leave: half of their share moved from reads raises them by half.
const SPIKE_READ_SHARE = share(READ_SHARE - WRITE_SHARE / 2);
const pct = (x: number) => Math.round(x * 1000) / 10;
const RATE = dataSystem.clients.rateRps;
/** Writes per second at normal load: each acknowledged write appends one event. */
const NORMAL_WRITES = RATE * WRITE_SHARE;

const STEADY_MS = 30_000;
// A minute of extra writes: the lag grows to about 1,500 events, so the random ups and downs of
// arrivals and sending (about 100 events) are small beside it.
const SPIKE_MS = 60_000;
const DRAIN_WATCH_MS = 90_000;
// The notifier counts as caught up when under 50 events wait: half a second of normal writes (at
// normal load 10 to 40 wait, the events just written and those being sent).
const CAUGHT_UP_EVENTS = 50;

/** The learner sets the read share in the Load panel (writes are what reads and searches leave). */
const setReads = (readShare: number, prompt: string) => ({
  prompt,
  match: [{ type: 'setLoad', fields: { readShare } }],
  perform: [{ type: 'setLoad', readShare }],
});
const moreWrites = () => setReads(SPIKE_READ_SHARE, `In the Load panel, set Reads to ${pct(SPIKE_READ_SHARE)}%.`);
const normalWrites = () => setReads(READ_SHARE, `In the Load panel, set Reads back to ${pct(READ_SHARE)}%.`);

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
    'The notifier sends an email for every write, reading the writes from a log. Send it more writes than it can handle: the emails fall behind while users see no errors. Then predict how long it takes to catch up.',
  minutes: 10,
  scenario: 'data-system',
  steps: [
    {
      id: 'steady',
      title: 'A notifier with room to spare',
      prose: `Every write the database acknowledges adds a **change event** to a **log**. The **notifier** reads the log and sends one email per event. It has ${CONSUMER_WORDS} ${WORKERS} emails at a time, and an email takes ${EMAIL_MS} ms on average. So it can send at most ${CONSUMERS} × ${WORKERS} × 1000 / ${EMAIL_MS} ≈ **${CAPACITY_TEXT} emails per second**: its **capacity**.\n\nThe user who made the write does not wait for the email: the write is acknowledged first, and the email follows. The events the notifier has not handled yet are its **lag**.\n\nPress **Play** and watch for 30 seconds.`,
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
      id: 'more-writes',
      title: 'More writes than the notifier can send',
      prose: `Writes are ${pct(WRITE_SHARE)}% of requests. In the **Load** panel, set **Reads** to **${pct(SPIKE_READ_SHARE)}%**: writes become ${pct(1.5 * WRITE_SHARE)}%, half as many again, which is more than the notifier can send. Then watch for a minute.`,
      prediction: choice(
        'The notifier gets more events per second than it can handle. What do the users see?',
        'delay',
        {
          errors: 'Errors: the requests that write fail once the notifier is full',
          delay: 'No errors: the emails arrive later and later',
          nothing: 'Nothing at all, and the emails are as quick as before',
        },
      ),
      action: moreWrites(),
      only: ['load'],
      observeMs: SPIKE_MS,
      figures: [
        windowFigure(
          'spikeWrites',
          'change events per second, more writes',
          'logAppends',
          between('action:more-writes', 0, SPIKE_MS),
        ),
        lagAt('spikeLag', 'events waiting for the notifier after a minute', 'action:more-writes', SPIKE_MS),
        constantFigure('spikeSeconds', 'seconds of extra writes', SPIKE_MS / 1000),
        differenceFigure('lagAdded', 'events the lag grew by', 'spikeLag', 'steadyLag', 'count'),
        ratioFigure('lagGrowth', 'events the lag grew by each second', 'lagAdded', 'spikeSeconds', 'count'),
        differenceFigure('excess', 'events per second beyond the capacity', 'spikeWrites', 'capacity', 'count'),
        ratioFigure('growthOverExcess', 'lag growth over the excess rate', 'lagGrowth', 'excess'),
        windowFigure(
          'spikeAvailability',
          'availability, more writes',
          'availability',
          between('action:more-writes', 0, SPIKE_MS),
        ),
      ],
      reveal: `The log now received {{spikeWrites}} events per second, {{excess}} more than the notifier's {{capacity}}. The lag grew by about {{lagGrowth}} events each second, and after a minute {{spikeLag}} events were waiting. Availability was {{spikeAvailability}}.\n\nThe log **absorbed** the overload: the events wait in it, in order, and none is refused. The cost is **delay**: an email now goes out long after its write, as long as the notifier needs to get through the events ahead of it. Had the write path sent the emails itself, the overload would have become failed or slow requests.`,
    },
    {
      id: 'back-to-normal',
      title: 'Back to normal: predict the drain',
      prose: `Now the writes go back to normal. The notifier still sends about {{capacity}} emails per second, while new events arrive at ${pct(WRITE_SHARE)}% of ${RATE.toLocaleString('en-US')} requests, about ${Math.round(NORMAL_WRITES)} per second. It works off the lag with the difference, its **spare rate**.\n\n**Time to drain = lag ÷ (capacity − arrival rate).** Use the lag you saw ({{spikeLag}}) to predict it. Then, in the **Load** panel, set **Reads** back to **${pct(READ_SHARE)}%**.`,
      prediction: {
        kind: 'number',
        question: 'How many seconds will the notifier take to catch up (fewer than 50 events waiting)?',
        unit: 'count',
        answer: 'drainSeconds',
        tolerance: 0.25,
        min: 0,
        max: 3600,
      },
      action: normalWrites(),
      only: ['load'],
      observeMs: DRAIN_WATCH_MS,
      figures: [
        drainTime('drainMs', 'time until the notifier caught up', 'action:back-to-normal'),
        constantFigure('msPerSecond', 'milliseconds in a second', 1000),
        ratioFigure('drainSeconds', 'seconds until the notifier caught up', 'drainMs', 'msPerSecond', 'count'),
        constantFigure('normalWrites', 'change events per second at normal load', NORMAL_WRITES),
        differenceFigure('spare', 'spare emails per second at normal load', 'capacity', 'normalWrites', 'count'),
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
        'The notifier caught up after {{drainSeconds}} seconds. The formula gives {{spikeLag}} ÷ ({{capacity}} − {{normalWrites}}) ≈ {{predictedDrain}} seconds.\n\nA lag drains only as fast as the **spare** capacity allows, and here the spare rate was only {{spare}} events per second. A queue that normally runs close to its capacity takes a long time to recover from a burst: at 90% busy the same lag would take twice as long to drain.',
    },
    {
      id: 'spike-again',
      title: 'The same extra writes again',
      prose: `Set **Reads** to **${pct(SPIKE_READ_SHARE)}%** again, for another minute of extra writes. This time you will drain the lag with a second notifier consumer.`,
      action: moreWrites(),
      only: ['load'],
      observeMs: SPIKE_MS,
      figures: [lagAt('againLag', 'events waiting for the notifier after a minute', 'action:spike-again', SPIKE_MS)],
      reveal: 'The lag built up again, to {{againLag}} events.',
    },
    {
      id: 'add-notifier',
      title: 'Add a notifier consumer',
      prose: `The lesson has set the writes back to normal. Now press **+** beside **Notifier group** (above the picture) to add a consumer, **notifier-${CONSUMERS + 1}**, with ${WORKERS} more workers. The group first stops for ${PAUSE_S} s to share out the log’s partitions (a *rebalance*); only then do the consumers send, each from its own partitions.`,
      setup: [{ type: 'setLoad', readShare: READ_SHARE }],
      prediction: choice('Compared with the last drain, how long will this one take?', 'shorter', {
        shorter: 'Less time: more workers send emails',
        same: 'About as long: the pause cancels the gain',
        longer: 'Longer: the rebalance stops everything',
      }),
      action: {
        prompt: `Press + beside Notifier group to add notifier-${CONSUMERS + 1}.`,
        match: [{ type: 'addConsumer', fields: { group: 'notifier' } }],
        perform: [{ type: 'addConsumer', group: 'notifier' }],
      },
      only: ['addConsumer'],
      observeMs: DRAIN_WATCH_MS,
      figures: [
        drainTime('addedDrainMs', 'time until the larger group caught up', 'action:add-notifier'),
        ratioFigure(
          'addedDrainSeconds',
          'seconds until the larger group caught up',
          'addedDrainMs',
          'msPerSecond',
          'count',
        ),
      ],
      reveal: `With another consumer the lag of {{againLag}} events was gone after {{addedDrainSeconds}} seconds, against {{drainSeconds}} before, although for the first ${PAUSE_S} s nothing was sent. It was not twice as fast: besides the pause, the partitions are not equally busy. A key’s changes always go to the same partition, and the most popular keys put far more events on one partition than on the others, so the consumer that owns it has more to do.`,
    },
  ],
  claims: queueLagClaims,
  conclusion:
    'Half as many writes again overloaded the notifier, yet availability stayed at {{spikeAvailability}}: the log turned the overload into a lag of {{spikeLag}} events, growing about {{lagGrowth}} per second. Back at normal load it drained in {{drainSeconds}} s, against {{predictedDrain}} s by lag ÷ (capacity − arrival rate). A queue keeps a burst from becoming errors, but it hands the users a delay, and the delay lasts as long as the spare capacity needs to work it off.',
  freeExperiment:
    'Raise the writes and leave them there: the lag grows without end, and so does each email’s delay. Or crash **notifier-1** during the extra writes and see in the Log how many emails its restart sends twice.',
};
