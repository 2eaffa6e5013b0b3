// Lesson 6: load is described by a few numbers (requests per second, the read/write mix,
// fan-out), and which of them matters depends on the design. The home-timeline example:
// fetch followed accounts' posts when a timeline is read (fan-out on read), or copy each post
// into followers' timelines when it is written (fan-out on write).
import type { LessonInput } from '../lessonSchema';
import { choice, constantFigure, ratioFigure, setLoadAction, since, windowFigure, withinClaims } from './builders';

const RATE = 600;
const READS = 0.8;
const RF = 3;
const FOLLOWS = 20;
const CELEBRITY = 200;
/** Storage requests per second: reads ask R = 1 replica per partition, writes every replica. */
const storageLoad = (readFanOut: number, writeFanOut: number) =>
  RATE * (READS * readFanOut + (1 - READS) * writeFanOut * RF);

export const loadParameters: LessonInput = {
  id: 'load-parameters',
  number: 6,
  title: 'Load parameters',
  summary:
    'Describe load with a few numbers, then see a home timeline built two ways: fetching posts when a timeline is read, or copying each post to followers when it is written.',
  minutes: 8,
  scenario: 'default',
  steps: [
    {
      id: 'parameters',
      title: 'Three numbers describe this load',
      prose:
        'Before asking whether a system can grow, say what its load *is*. Here three **load parameters** describe it: {{baseRate}} requests per second, 80% of them reads, and a **fan-out** of 1 (each request touches one partition of the data).\n\nThe storage tier sees a different number. A read asks one copy of its partition; a write goes to all three copies. Press **Play** and watch ten seconds.',
      observeMs: 10_000,
      only: ['load'],
      figures: [
        constantFigure('baseRate', 'request rate', RATE, 'rps'),
        windowFigure('baseStorage', 'storage requests per second', 'storageRps', since('step:parameters', 1000)),
        windowFigure('baseOffered', 'user requests per second', 'offeredRps', since('step:parameters', 1000)),
        ratioFigure('basePerRequest', 'storage requests per user request', 'baseStorage', 'baseOffered'),
        constantFigure(
          'basePerRequestTheory',
          'storage requests per user request, expected',
          READS + (1 - READS) * RF,
          'ratio',
        ),
        ratioFigure('basePerRequestVsTheory', 'measured over expected', 'basePerRequest', 'basePerRequestTheory'),
        windowFigure('baseP99', 'p99 latency', 'p99', since('step:parameters', 1000), 'median'),
      ],
      reveal:
        'Users sent {{baseOffered}}; the storage tier received {{baseStorage}}, or {{basePerRequest}} per user request. That is the arithmetic 0.8 × 1 + 0.2 × 3 = 1.4: the read/write mix is a load parameter because reads and writes cost different amounts.',
    },
    {
      id: 'fan-out-on-read',
      title: 'A timeline, assembled when read',
      prose:
        'Think of a social network. A user’s home timeline shows the latest posts of the accounts they follow; say each user follows **20** accounts, and posts are stored by author. The simple design: when someone opens their timeline, fetch the recent posts of all 20 authors and merge them. That is **fan-out on read**: each read touches 20 partitions.',
      prediction: {
        kind: 'number',
        question: 'With reads fanning out to 20 partitions, how many storage requests per second will the cluster see?',
        unit: 'rps',
        answer: 'readStorage',
        tolerance: 0.15,
        min: 0,
        max: 1_000_000,
      },
      action: setLoadAction(
        { fanOut: FOLLOWS },
        'In the Load panel, set Fan-out to 20 (each timeline read fetches 20 authors).',
      ),
      observeMs: 20_000,
      only: ['load'],
      figures: [
        windowFigure(
          'readStorage',
          'storage requests per second, fan-out on read',
          'storageRps',
          since('action:fan-out-on-read', 1000),
        ),
        constantFigure('readStorageTheory', 'expected storage requests per second', storageLoad(FOLLOWS, 1), 'rps'),
        ratioFigure('readStorageVsTheory', 'measured over expected', 'readStorage', 'readStorageTheory'),
        windowFigure('readP99', 'p99 latency, fan-out on read', 'p99', since('action:fan-out-on-read', 1000), 'median'),
      ],
      reveal:
        'The storage tier now handles {{readStorage}} (the arithmetic gives 600 × (0.8 × 20 + 0.2 × 3) = {{readStorageTheory}}). Every timeline read waits for the slowest of 20 fetches, so p99 went from {{baseP99}} to {{readP99}}. The cost of this design grows with how many accounts a user *follows*, and it is paid on every read.',
    },
    {
      id: 'fan-out-on-write',
      title: 'A timeline, prepared when written',
      prose:
        'The run starts again. The other design keeps a ready-made timeline for every user. When someone posts, the post is copied into the timeline of each of their followers, so opening a timeline is a single read. That is **fan-out on write**. Say each user has **20** followers.',
      restart: {},
      prediction: choice(
        'Reads are 80% of requests. Will fan-out on write cause more or fewer storage requests than fan-out on read did?',
        'fewer',
        {
          fewer: 'Fewer: the expensive work moves to the rarer operation',
          same: 'About the same: the same posts move either way',
          more: 'More: each copy is written to three replicas',
        },
      ),
      action: setLoadAction(
        { writeFanOut: FOLLOWS },
        'In the Load panel, set Write fan-out to 20 (each post is copied to 20 followers’ timelines).',
      ),
      observeMs: 20_000,
      only: ['load'],
      figures: [
        windowFigure(
          'writeStorage',
          'storage requests per second, fan-out on write',
          'storageRps',
          since('action:fan-out-on-write', 1000),
        ),
        constantFigure('writeStorageTheory', 'expected storage requests per second', storageLoad(1, FOLLOWS), 'rps'),
        ratioFigure('writeStorageVsTheory', 'measured over expected', 'writeStorage', 'writeStorageTheory'),
        ratioFigure('writeOverRead', 'fan-out on write over fan-out on read', 'writeStorage', 'readStorage'),
        windowFigure(
          'writeP99',
          'p99 latency, fan-out on write',
          'p99',
          since('action:fan-out-on-write', 1000),
          'median',
        ),
      ],
      reveal:
        'The storage tier handles {{writeStorage}}, against {{readStorage}} with fan-out on read: {{writeOverRead}} as much, even though every copy is written to three replicas. (Expected: 600 × (0.8 × 1 + 0.2 × 20 × 3) = {{writeStorageTheory}}.) Most requests are reads, and reads are now cheap, so p99 is {{writeP99}}. Work moved from the common operation to the rarer one.',
    },
    {
      id: 'celebrity',
      title: 'A user with many followers',
      prose:
        'Fan-out on write has a weak spot: its cost grows with the number of *followers*. Real networks have accounts with millions. Pretend every author here has **200** followers, the most this lab allows.',
      prediction: {
        kind: 'number',
        question: 'How many storage requests per second with write fan-out 200?',
        unit: 'rps',
        answer: 'celebrityStorage',
        tolerance: 0.15,
        min: 0,
        max: 10_000_000,
      },
      action: setLoadAction({ writeFanOut: CELEBRITY }, 'In the Load panel, set Write fan-out to 200.'),
      observeMs: 20_000,
      only: ['load'],
      figures: [
        windowFigure(
          'celebrityStorage',
          'storage requests per second, 200 followers',
          'storageRps',
          since('action:celebrity', 1000),
        ),
        constantFigure(
          'celebrityStorageTheory',
          'expected storage requests per second',
          storageLoad(1, CELEBRITY),
          'rps',
        ),
        ratioFigure('celebrityStorageVsTheory', 'measured over expected', 'celebrityStorage', 'celebrityStorageTheory'),
        ratioFigure('celebrityOverRead', 'over fan-out on read', 'celebrityStorage', 'readStorage'),
        windowFigure('celebrityP99', 'p99 latency, 200 followers', 'p99', since('action:celebrity', 1000), 'median'),
      ],
      reveal:
        'Now the storage tier handles {{celebrityStorage}}: {{celebrityOverRead}} what fan-out on read needed. (Each post also waits for 200 copies, but posts are one request in five, so the overall p99 of {{celebrityP99}} hides that; this cluster’s storage has room to spare, and a real one would not.) The same design that was cheaper at 20 followers is far dearer at 200. Which design wins depends on a load parameter: followers per author compared with reads per post. Large networks mix the two, copying most posts on write and fetching the posts of very popular accounts on read.',
    },
  ],
  claims: [
    ...withinClaims(
      'mix-cost',
      'basePerRequestVsTheory',
      0.05,
      'Storage requests per user request match 0.8 × 1 + 0.2 × 3 = 1.4 within 5%',
    ),
    ...withinClaims(
      'read-fan-out-load',
      'readStorageVsTheory',
      0.05,
      'With fan-out on read to 20 partitions, storage load matches the arithmetic within 5%',
    ),
    ...withinClaims(
      'write-fan-out-load',
      'writeStorageVsTheory',
      0.1,
      'With fan-out on write to 20 followers, storage load matches the arithmetic within 10%',
    ),
    {
      id: 'write-cheaper-at-20',
      text: 'With 80% reads and 20 followers, fan-out on write causes at most 85% of the storage requests of fan-out on read.',
      figure: 'writeOverRead',
      op: '<=',
      than: 0.85,
    },
    {
      id: 'read-slower-tail',
      text: 'Fan-out on read to 20 partitions raises p99 above the single-partition p99.',
      figure: 'readP99',
      op: '>',
      than: { figure: 'baseP99', times: 1 },
    },
    ...withinClaims(
      'celebrity-load',
      'celebrityStorageVsTheory',
      0.1,
      'With 200 followers, storage load matches the arithmetic within 10% (posts arrive at random, so their count varies)',
    ),
    {
      id: 'celebrity-dearer',
      text: 'With 200 followers per author, fan-out on write causes more than five times the storage requests of fan-out on read to 20 authors.',
      figure: 'celebrityOverRead',
      op: '>',
      than: 5,
    },
  ],
  conclusion:
    'You described one workload with three numbers and then saw the numbers that matter change with the design. Fan-out on read cost {{readStorage}} of storage requests; fan-out on write cost {{writeStorage}} with 20 followers but {{celebrityStorage}} with 200. Neither design is better in general: the right one follows from the load parameters (the read/write ratio and how followers are distributed), which is why they are the first thing to pin down.',
  freeExperiment:
    'Set Reads to 95% and compare the two designs again at 20 followers: at what read share do they cost the same? (Hint: solve 0.8·F + 0.6 = 0.8 + 0.6·F for your read share.)',
};
