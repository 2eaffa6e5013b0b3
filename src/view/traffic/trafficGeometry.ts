// Where a moving mark is on the picture: hops run along the same horizontal curves the links are
// drawn with (d3's linkHorizontal: a cubic with both control points at the middle x), from the
// edge of one node's box to the edge of the next. Units are the picture's viewBox units.
import type { Topology } from '../../sim/index';
import type { NodeBox, TopologyLayout } from '../topology/layout';

export interface Point {
  x: number;
  y: number;
}

export interface Curve {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TrafficGeometry {
  readonly boxes: readonly (NodeBox | undefined)[];
  /** Topology link index by node pair, for links the picture draws one by one. */
  readonly linkIds: ReadonlyMap<number, string>;
  /** Each topology link's two nodes, upstream first (clients~lb, lb~app, app~storage). */
  readonly ends: readonly (readonly [number, number])[];
  readonly nodeCount: number;
}

const pairKey = (a: number, b: number, n: number) => Math.min(a, b) * n + Math.max(a, b);

export function trafficGeometry(topology: Topology, layout: TopologyLayout): TrafficGeometry {
  const n = topology.nodes.length;
  const boxes = new Array<NodeBox | undefined>(n);
  for (const node of layout.nodes) boxes[node.index] = node;
  const linkIds = new Map<number, string>();
  topology.links.forEach((link) => linkIds.set(pairKey(link.a, link.b, n), link.id));
  const ends = topology.links.map((link) => [link.a, link.b] as const);
  return { boxes, linkIds, ends, nodeCount: n };
}

export function linkIdBetween(geometry: TrafficGeometry, a: number, b: number): string | undefined {
  return geometry.linkIds.get(pairKey(a, b, geometry.nodeCount));
}

/** The curve between two nodes' facing edges (left to right in tier order), or null if either is not drawn. */
export function curveBetween(
  geometry: TrafficGeometry,
  from: number,
  to: number,
  out: Curve = newCurve(),
): Curve | null {
  const a = geometry.boxes[from];
  const b = geometry.boxes[to];
  if (!a || !b) return null;
  const forward = a.cx <= b.cx;
  out.x1 = a.cx + ((forward ? 1 : -1) * a.width) / 2;
  out.y1 = a.cy;
  out.x2 = b.cx + ((forward ? -1 : 1) * b.width) / 2;
  out.y2 = b.cy;
  return out;
}

export const newCurve = (): Curve => ({ x1: 0, y1: 0, x2: 0, y2: 0 });

/** The point a share t (0..1) along a curve. */
export function pointOn(curve: Curve, t: number, out: Point): Point {
  const mx = (curve.x1 + curve.x2) / 2;
  const u = 1 - t;
  // Cubic Bezier with control points (mx, y1) and (mx, y2).
  out.x = u * u * u * curve.x1 + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * curve.x2;
  out.y = u * u * u * curve.y1 + 3 * u * u * t * curve.y1 + 3 * u * t * t * curve.y2 + t * t * t * curve.y2;
  return out;
}

/** Where marks waiting at a node gather: just outside its left edge (its queue), stacked downwards. */
export function waitingSpot(geometry: TrafficGeometry, node: number, place: number, out: Point): Point | null {
  const box = geometry.boxes[node];
  if (!box) return null;
  const perColumn = Math.max(1, Math.floor(box.height / 9));
  const column = Math.floor(place / perColumn) % 3;
  out.x = box.cx - box.width / 2 - 6 - column * 8;
  out.y = box.cy - box.height / 2 + 5 + (place % perColumn) * 9;
  return out;
}
