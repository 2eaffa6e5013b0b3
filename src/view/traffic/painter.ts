// Paints the traffic canvas: sized over the SVG (device pixels), redrawn each animation frame
// while something moves and once after any other change, with the theme's colours re-read now and
// then. Outside React: the component hands it new inputs and calls wake().
import type { ZoomTransform } from 'd3-zoom';
import type { Hop } from '../../sim/index';
import type { TopologyLayout } from '../topology/layout';
import type { Animator } from './animator';
import { beginScene, drawEffects, drawMoving, drawStreams, drawTracePath, type Stream } from './drawTraffic';
import type { TrafficMode } from './sampling';
import { readLook, sceneFor, type Look } from './scene';
import type { TrafficGeometry } from './trafficGeometry';

export interface PainterInputs {
  readonly canvas: HTMLCanvasElement | null;
  readonly svg: SVGSVGElement | null;
  readonly layout: TopologyLayout;
  readonly geometry: TrafficGeometry;
  readonly zoom: ZoomTransform;
  readonly streams: readonly Stream[];
  readonly mode: TrafficMode;
  readonly traceHops: readonly Hop[];
  readonly motion: boolean;
}

const MEASURE_EVERY_FRAMES = 30;
/** Streams are repainted at most this often (about 8 frames a second). */
const STREAM_FRAME_MS = 125;

interface Measured {
  readonly box: { width: number; height: number };
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly dpr: number;
}

function setData(canvas: HTMLCanvasElement, name: string, value: number): void {
  const text = String(value);
  if (canvas.dataset[name] !== text) canvas.dataset[name] = text;
}

export class Painter {
  private inputs: PainterInputs | null = null;
  private raf = 0;
  private last = 0;
  private frames = 0;
  /** The theme's colours; null after a theme change, so the next frame reads them again. */
  private look: Look | null = null;
  private box: Measured | null = null;
  private lastPaint = 0;
  /** Set when a frame was painted; cleared by any change of inputs, so a change is drawn at once. */
  private painted = false;

  constructor(private readonly animator: Animator) {}

  /** New inputs from the component: drawn at the next animation frame. */
  update(inputs: PainterInputs): void {
    this.inputs = inputs;
    this.painted = false;
    this.wake();
  }

  wake(): void {
    if (!this.raf) this.raf = requestAnimationFrame(this.draw);
  }

  /** The theme changed: read its colours again and repaint. */
  themeChanged(): void {
    this.look = null;
    this.painted = false;
    this.wake();
  }

  /** The SVG moved or changed size: measure again at the next frame. */
  resized(): void {
    this.box = null;
    this.painted = false;
    this.wake();
  }

  private measure(canvas: HTMLCanvasElement, svg: SVGSVGElement): Measured {
    const box = { width: svg.clientWidth, height: svg.clientHeight };
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(box.width * dpr);
    const pixelHeight = Math.round(box.height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const place = svg.getBoundingClientRect();
    const parent = (canvas.offsetParent ?? document.body).getBoundingClientRect();
    canvas.style.left = `${place.left - parent.left}px`;
    canvas.style.top = `${place.top - parent.top}px`;
    canvas.style.width = `${box.width}px`;
    canvas.style.height = `${box.height}px`;
    return { box, pixelWidth, pixelHeight, dpr };
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private readonly draw = (time: number): void => {
    this.raf = 0;
    const inputs = this.inputs;
    const canvas = inputs?.canvas;
    const svg = inputs?.svg;
    const ctx = canvas?.getContext('2d');
    if (!inputs || !canvas || !svg || !ctx) return;
    const animator = this.animator;
    const dt = this.last ? Math.min(100, time - this.last) : 16;
    this.last = time;
    if (inputs.motion) animator.tick(dt);
    // Streams alone flow well enough at a few frames a second, and every painted frame costs the
    // compositor a full canvas upload: time the simulation's worker would rather have at 1000x.
    const streamsOnly = inputs.mode === 'streams' && !animator.active && inputs.traceHops.length === 0;
    if (streamsOnly && this.painted && time - this.lastPaint < STREAM_FRAME_MS) {
      this.raf = requestAnimationFrame(this.draw);
      return;
    }
    this.painted = true;
    this.lastPaint = time;
    this.frames++;
    this.look ??= readLook(canvas);
    // Reading layout costs a forced layout when the page changed: done after a resize, and
    // otherwise only now and then (the toolbar above may have changed height).
    if (!this.box || this.frames % MEASURE_EVERY_FRAMES === 0) this.box = this.measure(canvas, svg);
    const { box, pixelWidth, pixelHeight, dpr } = this.box;
    const scene = sceneFor(inputs.geometry, this.look, inputs.layout, box, inputs.zoom, dpr);
    ctx.save();
    beginScene(ctx, scene, pixelWidth, pixelHeight);
    if (inputs.mode !== 'dots') drawStreams(ctx, scene, inputs.streams, animator.clockMs, inputs.mode === 'streams');
    if (inputs.traceHops.length > 0) drawTracePath(ctx, scene, inputs.traceHops);
    const moving = drawMoving(ctx, scene, animator.moving());
    const lost = drawEffects(ctx, scene, animator.liveEffects(), animator.clockMs);
    ctx.restore();
    setData(canvas, 'moving', moving.moving);
    setData(canvas, 'waiting', moving.waiting);
    setData(canvas, 'lost', lost);
    setData(canvas, 'clock', Math.round(animator.clockMs));
    const busy =
      animator.count > 0 || animator.liveEffects().length > 0 || (inputs.mode === 'streams' && inputs.motion);
    if (busy) this.raf = requestAnimationFrame(this.draw);
    else this.last = 0;
  };
}
