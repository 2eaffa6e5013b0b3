// Whether the rest of the cluster counts a pipeline node gone: down, or cut off from the side the
// controller and the app servers are on (the balancer's side).
import { BALANCER, NodeStatusCode } from '../codes';
import type { SimState } from '../state';

export function cutOff(st: SimState, node: number): boolean {
  return st.nodeStatus[node] !== NodeStatusCode.up || st.nodeSide[node] !== st.nodeSide[BALANCER];
}
