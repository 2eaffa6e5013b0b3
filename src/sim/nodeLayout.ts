// Node ids, racks and links of a cluster, by index (docs/model.md, "Topology and node indices"):
// clients, the balancer, app servers, storage nodes, then cache nodes; links clients~lb, lb~app-i,
// app-i~db-j for every pair, then app-i~cache-j. Slots for nodes a tier may grow to are laid out
// from the start, so adding a node renumbers nothing.
import { BALANCER, CLIENTS } from './codes';
import type { Scenario } from './scenarioSchema';

export interface NodeLayout {
  readonly nodeIds: string[];
  /** Rack index per node (-1 for the clients). */
  readonly nodeRack: Int32Array;
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;
}

/** The layout for a app servers, s storage nodes and c cache nodes; nodes take racks round-robin per tier. */
export function nodeLayout(
  scenario: Scenario,
  rackIds: readonly string[],
  a: number,
  s: number,
  c: number,
  pipelineNames: readonly string[] = [],
): NodeLayout {
  const racks = rackIds.length;
  const nodeIds = ['clients', 'lb'];
  const nodeRack = new Int32Array(2 + a + s + c + pipelineNames.length);
  nodeRack[BALANCER] = rackIds.indexOf(scenario.loadBalancer.rack);
  nodeRack[CLIENTS] = -1;
  const tier = (name: string, first: number, count: number) => {
    for (let i = 0; i < count; i++) {
      nodeIds.push(`${name}-${i + 1}`);
      nodeRack[first + i] = i % racks;
    }
  };
  tier('app', 2, a);
  tier('db', 2 + a, s);
  tier('cache', 2 + a + s, c);
  // The pipeline's nodes have no links: they reach each other unless cut off (partitionGroup).
  pipelineNames.forEach((name, i) => {
    nodeIds.push(name);
    nodeRack[2 + a + s + c + i] = i % racks;
  });

  const links = 1 + a + a * s + a * c;
  const linkA = new Int32Array(links);
  const linkB = new Int32Array(links);
  linkA[0] = CLIENTS;
  linkB[0] = BALANCER;
  for (let i = 0; i < a; i++) {
    linkA[1 + i] = BALANCER;
    linkB[1 + i] = 2 + i;
    for (let j = 0; j < s; j++) {
      linkA[1 + a + i * s + j] = 2 + i;
      linkB[1 + a + i * s + j] = 2 + a + j;
    }
    for (let j = 0; j < c; j++) {
      linkA[1 + a + a * s + i * c + j] = 2 + i;
      linkB[1 + a + a * s + i * c + j] = 2 + a + s + j;
    }
  }
  return { nodeIds, nodeRack, linkA, linkB };
}
