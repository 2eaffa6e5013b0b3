// Lesson 14: derived data is correct only eventually. On the data-system scenario the search index
// follows the database through the log: a crashed indexer lets it fall behind (searches still
// answer, with old data), a restart catches it up and processes some events twice, and a broker
// disk failure loses acknowledged events with acks from the leader only, none with acks from all.
import type { LessonInput } from '../lessonSchema';
import { dataSystem } from '../../sim/scenarios/dataSystem';
import { derivedDataClaims } from './derivedDataClaims';
import { between, choice, ratioFigure, totalFigure, windowFigure, type Mark, type Span } from './builders';

const indexer = dataSystem.consumerGroups?.find((g) => g.role === 'indexer');
const COMMIT_S = (indexer?.commitIntervalMs ?? 1000) / 1000;
const PAUSE_S = (indexer?.rebalancePauseMs ?? 3000) / 1000;
const HEALTHY_MS = 20_000;
// Offsets commit every second, half a second in (0.5 s, 1.5 s, …): a crash where the lab stops, at
// a whole second, comes half-way between two commits, so the duplicates it causes are there to see.
// Followers fetch every 500 ms in the acks steps; failing the disk 400 ms after a fetch leaves
// broker-1 alone with 0.4 s of its partitions' events (the loss is smaller, not absent, earlier).
const SLOW_FETCH_MS = 500;
const FAIL_AT_MS = 30_400;
const AFTER_FAILURE_MS = 20_000;

const staleness = (id: string, label: string, span: Span, agg: 'max' | 'median') =>
  windowFigure(id, label, 'stalenessMs', span, agg, 'ms');

/** Searches that missed a write over all searches, in a span: two counts and their ratio. */
function missedShare(prefix: string, span: Span, what: string) {
  return [
    windowFigure(`${prefix}Searches`, `searches, ${what}`, 'searches', span, 'sum'),
    windowFigure(`${prefix}Missed`, `searches that missed a write, ${what}`, 'searchesMissedWrite', span, 'sum'),
    ratioFigure(
      `${prefix}MissedShare`,
      `share of searches that missed a write, ${what}`,
      `${prefix}Missed`,
      `${prefix}Searches`,
      'percent',
    ),
  ];
}

const failBroker1 = {
  prompt: 'Open broker-1’s menu and choose Fail disk 0.',
  match: [{ type: 'failDisk', fields: { nodeId: 'broker-1' } }],
  perform: [{ type: 'failDisk', nodeId: 'broker-1', disk: 0 }],
};
const afterFailure = (mark: Mark) => between(mark, 0, AFTER_FAILURE_MS);

export const derivedData: LessonInput = {
  id: 'derived-data',
  number: 14,
  title: 'Derived data is eventually correct',
  summary:
    'A search index copies the database through a log. Crash the indexers and watch the index fall behind, bring them back and count the events done twice, then lose a broker’s disk with acks from the leader and from all replicas.',
  minutes: 10,
  scenario: 'data-system',
  steps: [
    {
      id: 'healthy-index',
      title: 'An index that follows the database',
      prose: `Searches here are answered by a **search index**, not by the database. The index is *derived data*: a copy kept up to date from the database's changes. Every write the database acknowledges adds a **change event** to a **log** kept on three brokers. Two **indexer** consumers read the log and apply each event to the index. Each indexer notes how far it has got (it *commits its offset*) once every ${COMMIT_S} s.\n\nPress **Play** and watch for 20 seconds. Look at how far behind the database the index is (its *staleness*).`,
      only: [],
      observeMs: HEALTHY_MS,
      figures: [
        staleness(
          'healthyStaleness',
          'index staleness, typical second',
          between('step:healthy-index', 5_000, HEALTHY_MS),
          'median',
        ),
        windowFigure(
          'writeRate',
          'change events per second',
          'logAppends',
          between('step:healthy-index', 5_000, HEALTHY_MS),
        ),
        ...missedShare('healthy', between('step:healthy-index', 5_000, HEALTHY_MS), 'healthy'),
      ],
      reveal:
        'The log received {{writeRate}} change events per second and the index was typically {{healthyStaleness}} behind the database. Even so, {{healthyMissedShare}} of searches missed a write that had already been acknowledged: the most popular documents change several times a second, so a search for one of them often arrives just before the newest change does. A derived copy is never exactly up to date; it is *eventually* correct.',
    },
    {
      id: 'crash-one',
      title: 'Crash one indexer',
      prose: `Now crash **indexer-1**. Its partitions of the log have nobody reading them. The group notices, stops for ${PAUSE_S} s to share out the partitions again (a *rebalance*), and then **indexer-2** reads them all.`,
      prediction: choice('What happens to searches while indexer-1 is down?', 'stale-then-fine', {
        fail: 'Searches fail until indexer-1 is back',
        'stale-then-fine': 'The index falls a few seconds behind, then indexer-2 catches it up',
        nothing: 'Nothing at all: indexer-2 was already reading everything',
      }),
      action: {
        prompt: 'Open indexer-1’s menu (click it, or focus it and press Enter) and choose Crash node.',
        match: [{ type: 'crashNode', fields: { nodeId: 'indexer-1' } }],
        perform: [{ type: 'crashNode', nodeId: 'indexer-1' }],
      },
      only: ['crashNode'],
      observeMs: 10_000,
      figures: [
        staleness('oneStalenessMax', 'index staleness at its worst', between('action:crash-one', 0, 10_000), 'max'),
        staleness(
          'oneStalenessEnd',
          'index staleness, 8–10 s after the crash',
          between('action:crash-one', 8_000, 10_000),
          'max',
        ),
      ],
      reveal: `The index fell up to {{oneStalenessMax}} behind: nothing read indexer-1's partitions during the ${PAUSE_S} s pause. Then indexer-2 took them over, and 8 to 10 s after the crash the index was {{oneStalenessEnd}} behind again.\n\nindexer-1 had applied some events since its last commit. The **Log** says how many: indexer-2 starts from the last commit, so it applies those events again.`,
    },
    {
      id: 'crash-both',
      title: 'Crash the other indexer too',
      prose:
        'Now crash **indexer-2** as well. Nothing reads the log for the index any more, but writes go on, and searches still go to the index.',
      prediction: choice('With no indexer running, what happens to searches?', 'old-answers', {
        fail: 'They fail',
        'old-answers': 'They still succeed, but answer with older and older data',
        slow: 'They get slower',
      }),
      action: {
        prompt: 'Open indexer-2’s menu and choose Crash node.',
        match: [{ type: 'crashNode', fields: { nodeId: 'indexer-2' } }],
        perform: [{ type: 'crashNode', nodeId: 'indexer-2' }],
      },
      only: ['crashNode'],
      observeMs: 20_000,
      figures: [
        staleness(
          'bothStaleness',
          'index staleness after 20 s without indexers',
          between('action:crash-both', 18_000, 20_000),
          'max',
        ),
        windowFigure(
          'bothLag',
          'events waiting for the indexer after 20 s',
          'indexerLagEvents',
          between('action:crash-both', 18_000, 20_000),
          'max',
        ),
        ...missedShare('both', between('action:crash-both', 5_000, 20_000), 'no indexer'),
        windowFigure(
          'bothAvailability',
          'availability with no indexer',
          'availability',
          between('action:crash-both', 0, 20_000),
        ),
      ],
      reveal:
        'Availability stayed at {{bothAvailability}}: every search was answered. But the answers got older every second. After 20 s the index was {{bothStaleness}} behind, with {{bothLag}} change events waiting in the log, and {{bothMissedShare}} of searches missed a write (healthy: {{healthyMissedShare}}).\n\nThis is the trade of derived data kept through a log: a broken indexer does not make users’ requests fail; it makes the copy wrong, quietly. You only see it if you measure the staleness.',
    },
    {
      id: 'restart',
      title: 'Bring the indexers back',
      prose:
        'Restart **indexer-1** and **indexer-2**. Each starts from the last offset its group committed. The events waiting in the log are still there, so nothing is lost; the index only has to catch up.',
      prediction: choice('Which events will the index apply twice?', 'since-commit', {
        none: 'None: every event is applied exactly once',
        'since-commit': 'The ones each crashed indexer had applied since its last commit',
        'since-crash': 'Every event written while the indexers were down',
      }),
      action: {
        prompt: 'Open indexer-1’s menu and choose Restart node, then do the same for indexer-2.',
        match: [
          { type: 'restartNode', fields: { nodeId: 'indexer-1' } },
          { type: 'restartNode', fields: { nodeId: 'indexer-2' } },
        ],
        perform: [
          { type: 'restartNode', nodeId: 'indexer-1' },
          { type: 'restartNode', nodeId: 'indexer-2' },
        ],
      },
      only: ['restartNode'],
      observeMs: 20_000,
      figures: [
        {
          id: 'catchUpMs',
          label: 'time until the index is less than a second behind',
          unit: 'ms',
          measure: {
            kind: 'timeUntil',
            stat: 'stalenessMs',
            atMost: 1000,
            from: { mark: 'action:restart', plusMs: 0 },
            to: { mark: 'action:restart', plusMs: 20_000 },
          },
        },
        staleness(
          'restartStaleness',
          'index staleness, 15–20 s after the restart',
          between('action:restart', 15_000, 20_000),
          'max',
        ),
        totalFigure('duplicates', 'events the index applied twice', 'indexerDuplicates', 'step:crash-one'),
        ratioFigure(
          'duplicateSeconds',
          'events applied twice, in seconds of writes',
          'duplicates',
          'writeRate',
          'count',
        ),
      ],
      reveal: `After the ${PAUSE_S} s rebalance the indexers worked through the waiting events, and the index was less than a second behind {{catchUpMs}} after the restart; 15 to 20 s after it, {{restartStaleness}}. Everything written while they were down reached the index in the end.\n\n{{duplicates}} events were applied twice: the ones each crashed indexer had applied after its last commit (the Log lines from each crash give the counts). That is about {{duplicateSeconds}} s of writes, because each crash came half-way through a ${COMMIT_S} s commit interval. This is **at-least-once** delivery. Applying an event twice is harmless here, because writing the same version of a document twice leaves the same index. An email sent twice would not be harmless.`,
    },
    {
      id: 'acks-leader',
      title: 'Lose a broker’s disk, acks from the leader',
      prose: `The run starts over. Each partition of the log has a **leader** broker and two **followers** that copy it. In this run the followers fetch new events only every ${SLOW_FETCH_MS} ms, and the log uses **acks from the leader**: it counts an event as written as soon as the leader has it.\n\nAfter ${FAIL_AT_MS / 1000} s, fail **disk 0 of broker-1**. Its partitions get a new leader after the election delay.`,
      restart: { log: { fetchIntervalMs: SLOW_FETCH_MS } },
      prediction: choice('Will the log lose events it had already acknowledged?', 'some-lost', {
        'some-lost': 'Yes: the events the followers had not fetched yet',
        'none-lost': 'No: every event has three copies',
      }),
      action: { ...failBroker1, afterMs: FAIL_AT_MS },
      only: ['failDisk'],
      observeMs: AFTER_FAILURE_MS,
      figures: [
        totalFigure(
          'leaderLost',
          'acknowledged events lost, acks from the leader',
          'logEventsLost',
          'action:acks-leader',
        ),
        totalFigure(
          'leaderMissed',
          'changes refused during the election, acks from the leader',
          'logChangesMissed',
          'action:acks-leader',
        ),
        windowFigure(
          'leaderAvailability',
          'availability after the disk failure',
          'availability',
          afterFailure('action:acks-leader'),
        ),
      ],
      reveal:
        '{{leaderLost}} acknowledged events were lost. broker-1 was the only broker that had them: its followers had not fetched them yet, and a follower became the new leader without them. The database has those writes, but the index will never see them, and nothing tells it so.\n\nThere was a second kind of gap: while broker-1’s partitions had no leader, the log refused their events, so {{leaderMissed}} acknowledged writes never became change events at all. Users saw nothing: availability was {{leaderAvailability}}.',
    },
    {
      id: 'acks-all',
      title: 'Switch to acks from all',
      prose:
        'The run starts over, with the same slow followers. Open the **Policy** panel and, under **Log of changes**, set **An append counts as written once** to **All in-sync copies have it**. This is *acks from all*: the log counts an event as written only once every in-sync follower has it too.',
      restart: { log: { fetchIntervalMs: SLOW_FETCH_MS } },
      action: {
        prompt: 'In the Policy panel, set “An append counts as written once” to “All in-sync copies have it”.',
        match: [{ type: 'setLog', fields: { policy: { acks: 'all' } } }],
        perform: [{ type: 'setLog', policy: { acks: 'all' } }],
      },
      only: ['policy'],
      observeMs: 10_000,
    },
    {
      id: 'fail-again',
      title: 'The same disk failure, acks from all',
      prose: 'Fail **disk 0 of broker-1** again.',
      prediction: choice('With acks from all, will any acknowledged event be lost?', 'none-lost', {
        'some-lost': 'Yes, about as many as before',
        'none-lost': 'No: every event it acknowledged is on a follower too',
      }),
      action: { ...failBroker1, afterMs: FAIL_AT_MS - 10_000 },
      only: ['failDisk'],
      observeMs: AFTER_FAILURE_MS,
      figures: [
        totalFigure('allLost', 'acknowledged events lost, acks from all', 'logEventsLost', 'action:fail-again'),
        totalFigure('allResent', 'unacknowledged events sent again', 'logEventsResent', 'action:fail-again'),
        totalFigure(
          'allMissed',
          'changes refused during the election, acks from all',
          'logChangesMissed',
          'action:fail-again',
        ),
      ],
      reveal:
        'This time {{allLost}} acknowledged events were lost. broker-1 still had events its followers lacked, but it had not acknowledged them yet; the new leader did not have them, so they were sent again ({{allResent}} of them) instead of being lost.\n\nAcks from all did not close the other gap: while the partitions had no leader, {{allMissed}} writes still never became change events (acks from the leader: {{leaderMissed}}). To close it, a write must fail, or wait, when its change cannot be logged.',
    },
  ],
  claims: derivedDataClaims,
  conclusion:
    'The search index was typically {{healthyStaleness}} behind the database, and {{bothStaleness}} behind after 20 s without indexers, while every search still succeeded. Restarted indexers caught up in {{catchUpMs}} and applied {{duplicates}} events twice. A broker disk failure lost {{leaderLost}} acknowledged events with acks from the leader and {{allLost}} with acks from all. Derived data is correct only eventually, and only if nothing between the database and the copy loses a change: measure the staleness, make processing safe to repeat, and make the log keep what it acknowledges.',
  freeExperiment:
    'Crash a **notifier** instead of an indexer: its duplicates are emails sent twice. Or set the log’s retention to a few seconds in the Policy panel while the indexers are down, and see what they skip when they come back.',
};
