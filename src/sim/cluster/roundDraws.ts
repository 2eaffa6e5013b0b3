// The random draws of a storage round's replica answers and of its reply, taken in loops with one
// call site of Rng.draw each. Written out as three or four calls in a row, each inlined copy of
// draw (with the generator's step inside it) spent ~350 of the 920 bytecode bytes V8 inlines into
// one optimized function: the budget ran out, and the step after it was left a call.
// Changing the order of draws here would change every run (the golden hashes pin it).
import type { SimState } from '../state';
import type { Rng } from '../random';

/** A replica's answer, in order: the ask's hop, the answer's hop, the disk's service time (ms). */
export const answerDraws = new Float64Array(3);

/** Fills answerDraws from the replica's generator (already seeded). */
export function drawAnswer(st: SimState, draws: Rng): void {
  for (let i = 0; i < 3; i++) answerDraws[i] = draws.draw(i < 2 ? st.hopSampler : st.diskSampler);
}

/** A round's reply, in order: its hops to the balancer and to the clients (ms), then a uniform for each hop's loss. */
export const replyDraws = new Float64Array(4);

/** Fills replyDraws from the reply's own seed. */
export function drawReply(st: SimState, seed: number): void {
  const draws = st.storageDraws;
  draws.reseed(seed);
  for (let i = 0; i < 2; i++) replyDraws[i] = draws.draw(st.hopSampler);
  for (let i = 2; i < 4; i++) replyDraws[i] = draws.next();
}
