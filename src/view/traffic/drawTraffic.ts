// Draws one frame of traffic on the canvas over the links: moving marks by shape and colour,
// crosses where messages were lost, rings where attempts timed out or were rejected, a traced
// request's path, and at high speed or without motion, streams and rates. Node boxes are cut out
// of the drawing area, so marks pass under the nodes as if the canvas lay beneath them.
import type { Hop } from '../../sim/index';
import type { Effect, Moving, Role, Shape } from './animator';
import {
  curveBetween,
  newCurve,
  pointOn,
  waitingSpot,
  type Curve,
  type Point,
  type TrafficGeometry,
} from './trafficGeometry';

export type Palette = Readonly<Record<Role | 'outline' | 'ink' | 'lost', string>>;

export interface Stream {
  readonly from: number;
  readonly to: number;
  readonly perSecond: number;
  readonly width: number;
  /** Written beside the link (the main paths only: a label on every storage link would be noise). */
  readonly labelled: boolean;
}

export interface Scene {
  readonly geometry: TrafficGeometry;
  readonly palette: Palette;
  /** viewBox units -> canvas pixels: scale and offset (the SVG's fit and the zoom together). */
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
  readonly dpr: number;
  /** viewBox units per CSS pixel of mark size (larger in projector mode). */
  readonly markScale: number;
}

const point: Point = { x: 0, y: 0 };
/** Reused for every curve drawn: a frame allocates nothing per mark. */
const scratch = newCurve();

export function beginScene(ctx: CanvasRenderingContext2D, scene: Scene, width: number, height: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(scene.scale * scene.dpr, 0, 0, scene.scale * scene.dpr, scene.dx * scene.dpr, scene.dy * scene.dpr);
  // Everything outside the node boxes: marks slip under the nodes.
  ctx.beginPath();
  ctx.rect(-1e5, -1e5, 2e5, 2e5);
  for (const box of scene.geometry.boxes)
    if (box) ctx.rect(box.cx - box.width / 2, box.cy - box.height / 2, box.width, box.height);
  ctx.clip('evenodd');
}

function shapePath(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'diamond':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r * 1.3, y);
      ctx.lineTo(x, y + r * 1.3);
      ctx.lineTo(x - r * 1.3, y);
      ctx.closePath();
      return;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r * 1.2, y + r);
      ctx.lineTo(x - r * 1.2, y + r);
      ctx.closePath();
      return;
    case 'square':
    case 'hollowSquare':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    default:
      ctx.arc(x, y, shape === 'small' ? r * 0.7 : r, 0, Math.PI * 2);
  }
}

function mark(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  shape: Shape,
  role: Role,
  x: number,
  y: number,
  alpha = 1,
): void {
  const r = (role === 'trace' ? 7 : 4.2) * scene.markScale;
  ctx.globalAlpha = alpha;
  shapePath(ctx, shape, x, y, r);
  ctx.lineWidth = 1.5 * scene.markScale;
  ctx.strokeStyle = shape === 'hollowSquare' ? scene.palette[role] : scene.palette.outline;
  if (shape !== 'hollowSquare') {
    ctx.fillStyle = scene.palette[role];
    ctx.fill();
  } else ctx.lineWidth = 2.2 * scene.markScale;
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function cross(ctx: CanvasRenderingContext2D, scene: Scene, x: number, y: number, alpha: number): void {
  const r = 5.5 * scene.markScale;
  ctx.globalAlpha = alpha;
  ctx.lineCap = 'round';
  for (const [w, colour] of [
    [5 * scene.markScale, scene.palette.outline],
    [2.6 * scene.markScale, scene.palette.lost],
  ] as const) {
    ctx.lineWidth = w;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Moving and waiting marks; returns how many of each were drawn (the canvas reports them to tests). */
export function drawMoving(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  moving: readonly Moving[],
): { moving: number; waiting: number } {
  const waiting = new Map<number, number>();
  const drawn = { moving: 0, waiting: 0 };
  for (const m of moving) {
    if (m.t < 0) {
      const place = waiting.get(m.from) ?? 0;
      waiting.set(m.from, place + 1);
      if (!waitingSpot(scene.geometry, m.from, place, point)) continue;
      drawn.waiting++;
    } else {
      const curve = curveBetween(scene.geometry, m.from, m.to, scratch);
      if (!curve) continue;
      pointOn(curve, m.t, point);
      drawn.moving++;
    }
    mark(ctx, scene, m.shape, m.role, point.x, point.y);
  }
  return drawn;
}

export function drawEffects(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  effects: readonly Effect[],
  nowMs: number,
): number {
  let crosses = 0;
  for (const e of effects) {
    const age = (nowMs - e.bornAt) / e.lifeMs;
    const alpha = Math.max(0, 1 - age * age);
    if (e.kind === 'lost') {
      const curve = curveBetween(scene.geometry, e.from, e.to, scratch);
      if (!curve) continue;
      pointOn(curve, e.along, point);
      cross(ctx, scene, point.x, point.y, alpha);
      crosses++;
      continue;
    }
    const box = scene.geometry.boxes[e.from];
    if (!box) continue;
    const x = box.cx + (e.kind === 'done' ? box.width / 2 + 8 : -box.width / 2 - 4);
    if (e.shape !== 'ring') {
      mark(ctx, scene, e.shape, e.role, x, box.cy, alpha);
      continue;
    }
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = scene.palette[e.role];
    ctx.lineWidth = 2.5 * scene.markScale;
    ctx.beginPath();
    ctx.arc(x, box.cy, (6 + 14 * age) * scene.markScale, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  return crosses;
}

/** The traced request's whole path, under its moving mark. */
export function drawTracePath(ctx: CanvasRenderingContext2D, scene: Scene, hops: readonly Hop[]): void {
  ctx.strokeStyle = scene.palette.trace;
  ctx.globalAlpha = 0.35;
  ctx.lineWidth = 7 * scene.markScale;
  ctx.lineCap = 'round';
  for (const hop of hops) {
    const curve = curveBetween(scene.geometry, hop.from, hop.to, scratch);
    if (!curve) continue;
    ctx.beginPath();
    const end = hop.lost ? 0.5 : 1;
    for (let i = 0; i <= 16; i++) {
      pointOn(curve, (i / 16) * end, point);
      if (i === 0) ctx.moveTo(point.x, point.y);
      else ctx.lineTo(point.x, point.y);
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Streams along the links: width is the rate; dashes flow when motion is on (clockMs advancing). */
export function drawStreams(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  streams: readonly Stream[],
  clockMs: number,
  flowing: boolean,
): void {
  ctx.lineCap = 'butt';
  for (const s of streams) {
    const curve = curveBetween(scene.geometry, s.from, s.to, scratch);
    if (!curve) continue;
    ctx.strokeStyle = scene.palette.request;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = s.width * scene.markScale;
    const dash = 10 * scene.markScale;
    ctx.setLineDash(flowing ? [dash, dash * 0.8] : []);
    ctx.lineDashOffset = flowing ? (-clockMs / 25) * scene.markScale : 0;
    ctx.beginPath();
    for (let i = 0; i <= 20; i++) {
      pointOn(curve, i / 20, point);
      if (i === 0) ctx.moveTo(point.x, point.y);
      else ctx.lineTo(point.x, point.y);
    }
    ctx.stroke();
    // A label needs room beside the link: short links (users to balancer) go without.
    if (s.labelled && Math.abs(curve.x2 - curve.x1) > 60 * scene.markScale) rateLabel(ctx, scene, s.perSecond, curve);
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

function rateLabel(ctx: CanvasRenderingContext2D, scene: Scene, perSecond: number, curve: Curve): void {
  pointOn(curve, 0.5, point);
  // Both ways: requests in and replies out are messages on the same link.
  const text = `${perSecond >= 100 ? Math.round(perSecond).toLocaleString('en') : perSecond.toFixed(1)} msg/s`;
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.font = `600 ${11 * scene.markScale}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineWidth = 3 * scene.markScale;
  ctx.strokeStyle = scene.palette.outline;
  const y = point.y - 4 * scene.markScale;
  ctx.strokeText(text, point.x, y);
  ctx.fillStyle = scene.palette.ink;
  ctx.fillText(text, point.x, y);
}
