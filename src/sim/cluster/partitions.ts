// Network partitions: a cut link drops every message on it; a partitioned group is put on its
// own "side", and messages between nodes on different sides are dropped. Healing restores links
// and sides; messages sent before the heal stay lost.
import type { SimState } from '../state';
import { pipelineSidesChanged } from '../pipeline/pipelineEvents';

export function setLinkCut(st: SimState, link: number, cut: boolean): void {
  const value = cut ? 1 : 0;
  if (st.linkCut[link] === value) return;
  st.linkCut[link] = value;
  st.linksCut += cut ? 1 : -1;
  st.linkChangedAt[link] = st.nowMs;
  st.linkVersion++;
  st.faultEpoch++;
  const id = `${st.nodeIds[st.linkA[link] as number]}~${st.nodeIds[st.linkB[link] as number]}`;
  st.note(cut ? 'linkPartitioned' : 'linkHealed', id, cut ? 'link cut: messages on it are lost' : 'link healed');
  st.observer?.({ type: 'linkChanged', timeMs: st.nowMs, link, cut });
}

function setSides(st: SimState, sides: Int32Array): void {
  for (let node = 0; node < st.nodeCount; node++) {
    if (st.nodeSide[node] !== sides[node]) {
      st.nodeSide[node] = sides[node] as number;
      st.nodeChangedAt[node] = st.nowMs;
    }
  }
  st.faultEpoch++;
  st.observer?.({ type: 'sidesChanged', timeMs: st.nowMs, sides: [...st.nodeSide] });
  if (st.pipeline !== null) pipelineSidesChanged(st, st.pipeline);
}

/** Separates the given nodes from the rest (they can still talk among themselves). */
export function partitionGroup(st: SimState, nodes: number[]): void {
  const sides = Int32Array.from(st.nodeSide);
  st.sideCounter++;
  for (const node of nodes) sides[node] = st.sideCounter;
  setSides(st, sides);
  st.note('groupPartitioned', nodes.map((n) => st.nodeIds[n]).join(', '), 'cut off from the rest of the cluster');
}

export function healAll(st: SimState): void {
  const cut = st.linkCut.includes(1);
  const split = st.nodeSide.some((side) => side !== 0);
  for (let link = 0; link < st.linkCount; link++) if (st.linkCut[link] === 1) setLinkCut(st, link, false);
  if (split) setSides(st, new Int32Array(st.nodeCount));
  // Always noted (the line is part of the hash of runs that heal an unbroken network), but marked
  // as changing nothing then, so no recovery is shown that did not happen.
  if (cut || split) st.note('networkHealed', 'cluster', 'all partitions healed');
  else st.note('networkHealed', 'cluster', 'nothing was partitioned, so nothing changed', true);
}
