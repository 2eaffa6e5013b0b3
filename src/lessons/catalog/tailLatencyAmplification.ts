// Lesson 8: a read that fans out to k backends waits for the slowest, so the share of user
// requests slower than one backend's p99 is 1 - 0.99^k, and the parent's p99 is far above a
// backend's. App servers and the network are made instant so that all latency is backend time.
import type { LessonInput } from '../lessonSchema';
import { choice, constantFigure, ratioFigure, runLatency, setLoadAction, shareAbove, withinClaims } from './builders';

// One backend call: log-normal, median 10 ms, sigma 0.5, so its p99 is 10 ms x e^(0.5 x 2.3263).
const BACKEND_MEDIAN_MS = 10;
const BACKEND_SIGMA = 0.5;
const Z99 = 2.3263;
const BACKEND_P99_MS = BACKEND_MEDIAN_MS * Math.exp(BACKEND_SIGMA * Z99);
// The p99 of the slowest of 100 calls is one call's 0.99^(1/100) = 0.9998995 quantile: z = 3.719.
const HUNDRED_P99_MS = BACKEND_MEDIAN_MS * Math.exp(BACKEND_SIGMA * 3.719);
const OBSERVE_MS = 60_000;
const INSTANT_MS = 0.001;

/** Share of user requests that wait for at least one backend call slower than its p99. */
const amplifiedShare = (fanOut: number) => 1 - 0.99 ** fanOut;

const fanOutStep = (fanOut: number) => setLoadAction({ fanOut }, `Set fan-out to ${fanOut}.`);

export const tailLatencyAmplification: LessonInput = {
  id: 'tail-latency-amplification',
  number: 8,
  title: 'Tail latency amplification',
  summary:
    'When one user request needs answers from many backends, it waits for the slowest. Raise the fan-out and watch rare slow calls become the common case.',
  minutes: 7,
  scenario: 'default',
  edits: {
    clients: { rateRps: 200, readShare: 1 },
    // A log-normal with sigma 0 is a constant; a microsecond stands in for "no time at all".
    appServers: { serviceTime: { medianMs: INSTANT_MS, sigma: 0 } },
    network: { hopLatency: { medianMs: INSTANT_MS, sigma: 0 } },
    storage: { diskLatency: { dist: 'lognormal', medianMs: BACKEND_MEDIAN_MS, sigma: BACKEND_SIGMA } },
  },
  steps: [
    {
      id: 'one-backend',
      title: 'One backend call',
      prose:
        'Each user request in this cluster is a read. The app server asks the storage tier for the data and answers when it has it. To see the storage tier clearly, the app servers and the network take practically no time in this lesson (a microsecond): a user waits almost exactly as long as the backend call takes.\n\nOne backend call usually takes about 10 ms, but one in a hundred takes longer than **32 ms**: that is the backend’s p99. Press **Play** and let a minute pass.',
      only: ['load'],
      observeMs: OBSERVE_MS,
      figures: [
        constantFigure('backendP99', 'a backend call’s p99', BACKEND_P99_MS, 'ms'),
        runLatency('oneP50', 'median user request, fan-out 1', 'latencyP50'),
        runLatency('oneP99', 'p99 of user requests, fan-out 1', 'latencyP99'),
        shareAbove('oneShare', 'user requests slower than a backend’s p99, fan-out 1', BACKEND_P99_MS),
        constantFigure('oneTheory', 'expected share with fan-out 1', amplifiedShare(1), 'percent'),
        ratioFigure('oneShareVsTheory', 'measured over expected share, fan-out 1', 'oneShare', 'oneTheory'),
      ],
      reveal:
        'With one call per request, the user sees the backend’s own distribution: median {{oneP50}}, p99 {{oneP99}}, and {{oneShare}} of requests slower than the backend p99 of {{backendP99}}, about one in a hundred, as it should be.',
    },
    {
      id: 'ten-backends',
      title: 'Ten backend calls',
      prose:
        'Many pages are built from several pieces of data at once: a profile, a feed, a list of friends. Each piece may live on a different partition, and the page is ready only when the last one arrives.\n\nThe run starts over. In the **Load** panel, set **fan-out** to **10**: every user request now reads 10 partitions in parallel and waits for all of them.',
      restart: {},
      only: ['load'],
      prediction: {
        kind: 'number',
        question: 'What share of user requests will now be slower than a backend’s p99 (32 ms)?',
        unit: 'percent',
        answer: 'tenShare',
        tolerance: 0.3,
        min: 0,
        max: 1,
      },
      action: fanOutStep(10),
      observeMs: OBSERVE_MS,
      figures: [
        shareAbove('tenShare', 'user requests slower than a backend’s p99, fan-out 10', BACKEND_P99_MS),
        constantFigure('tenTheory', 'expected share with fan-out 10: 1 − 0.99^10', amplifiedShare(10), 'percent'),
        ratioFigure('tenVsTheory', 'measured over expected share, fan-out 10', 'tenShare', 'tenTheory'),
        runLatency('tenP99', 'p99 of user requests, fan-out 10', 'latencyP99'),
      ],
      reveal:
        'Now {{tenShare}} of user requests were slower than 32 ms, about ten times as many. A request is fast only if all ten of its calls are fast. Each is fast with probability 0.99, so all ten are with probability 0.99^10 ≈ 0.904, and the share of slow user requests should be 1 − 0.904 = {{tenTheory}}. The p99 of user requests is now {{tenP99}}.',
    },
    {
      id: 'hundred-backends',
      title: 'A hundred backend calls',
      prose:
        'Large services fan out much further: a search may ask a hundred index shards and wait for every one. The run starts over again. Set **fan-out** to **100**.',
      restart: {},
      only: ['load'],
      prediction: choice('With fan-out 100, how many user requests hit at least one slow backend call?', 'most', {
        few: 'About 1%, the same as one backend',
        some: 'About 10 to 20%',
        most: 'More than half',
      }),
      action: fanOutStep(100),
      // A hundred backend calls per request: half a minute gives plenty of samples.
      observeMs: OBSERVE_MS / 2,
      figures: [
        shareAbove('hundredShare', 'user requests slower than a backend’s p99, fan-out 100', BACKEND_P99_MS),
        constantFigure(
          'hundredTheory',
          'expected share with fan-out 100: 1 − 0.99^100',
          amplifiedShare(100),
          'percent',
        ),
        ratioFigure('hundredVsTheory', 'measured over expected share, fan-out 100', 'hundredShare', 'hundredTheory'),
        runLatency('hundredP50', 'median user request, fan-out 100', 'latencyP50'),
        runLatency('hundredP99', 'p99 of user requests, fan-out 100', 'latencyP99'),
        constantFigure('hundredP99Theory', 'expected p99 of the slowest of 100 calls', HUNDRED_P99_MS, 'ms'),
        ratioFigure('hundredP99VsTheory', 'measured over expected p99, fan-out 100', 'hundredP99', 'hundredP99Theory'),
        ratioFigure('hundredP99Ratio', 'p99 at fan-out 100 over p99 at fan-out 1', 'hundredP99', 'oneP99'),
      ],
      reveal:
        '{{hundredShare}} of user requests were slower than a backend’s p99 (theory: 1 − 0.99^100 = {{hundredTheory}}). What is rare for one backend, one call in a hundred, is now the normal experience: the *median* user request took {{hundredP50}}, about as long as the backend’s p99. The p99 of user requests is {{hundredP99}}, {{hundredP99Ratio}} the p99 with one call (theory: the p99 of the slowest of 100 calls is one call’s 99.99th percentile, {{hundredP99Theory}}). This is **tail latency amplification**: the more backends a request needs, the more the backends’ slowest 1% decides what users see. At high fan-out, shortening the backends’ tail does more for users than speeding up their typical call.',
    },
  ],
  claims: [
    ...withinClaims(
      'share-one',
      'oneShareVsTheory',
      0.35,
      'With fan-out 1, the share of user requests above a backend’s p99 is 1%',
    ),
    ...withinClaims(
      'share-ten',
      'tenVsTheory',
      0.2,
      'With fan-out 10, the share of user requests above a backend’s p99 matches 1 − 0.99^10 ≈ 9.6%',
    ),
    {
      id: 'hundred-over-half',
      text: 'With fan-out 100, over half of user requests are slower than a backend’s p99.',
      figure: 'hundredShare',
      op: '>',
      than: 0.5,
    },
    ...withinClaims(
      'share-hundred',
      'hundredVsTheory',
      0.1,
      'With fan-out 100, the share of user requests above a backend’s p99 matches 1 − 0.99^100 ≈ 63%',
    ),
    {
      id: 'parent-p99',
      text: 'With fan-out 100, the p99 of user requests is at least 1.7 times the p99 of a single backend call.',
      figure: 'hundredP99',
      op: '>=',
      than: { figure: 'backendP99', times: 1.7 },
    },
    ...withinClaims(
      'parent-p99-theory',
      'hundredP99VsTheory',
      0.1,
      'With fan-out 100, the p99 of user requests matches the p99 of the slowest of 100 log-normal calls',
    ),
  ],
  conclusion:
    'You raised the fan-out from 1 to 10 to 100, and the share of user requests slower than a backend’s p99 went from {{oneShare}} to {{tenShare}} to {{hundredShare}}, following 1 − 0.99^k. At fan-out 100 the user p99 was {{hundredP99}} against a backend p99 of {{backendP99}}. A service that fans out must watch its backends’ tails, not their averages.',
  freeExperiment:
    'Set fan-out back to 10 and raise the read quorum to 2 in the Policy panel: each partition now waits for the slower of two replicas, so a request makes 20 calls. Predict the share of slow requests (1 − 0.99^20 ≈ 18%) and check it.',
};
