// Keeps a Painter fed with the picture's current inputs and woken by any change that shows:
// size, zoom, rates, mode or the traced request.
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { ZoomTransform } from 'd3-zoom';
import type { Hop } from '../../sim/index';
import type { TopologyLayout } from '../topology/layout';
import type { LinkRates } from '../topology/linkState';
import type { Animator } from './animator';
import type { Stream } from './drawTraffic';
import { Painter } from './painter';
import { watchTheme } from '../theme/themeColours';
import type { TrafficMode } from './sampling';
import type { TrafficGeometry } from './trafficGeometry';

interface CanvasInputs {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly layout: TopologyLayout;
  readonly geometry: TrafficGeometry;
  readonly animator: Animator;
  readonly zoom: ZoomTransform;
  readonly rates: LinkRates | null;
  readonly mode: TrafficMode;
  readonly traceHops: readonly Hop[];
  readonly motion: boolean;
}

function streamsOf(layout: TopologyLayout, geometry: TrafficGeometry, rates: LinkRates | null): Stream[] {
  if (!rates || rates.maxSentPerSecond <= 0) return [];
  const out: Stream[] = [];
  for (const line of layout.links) {
    const perSecond = rates.sentPerSecond[line.index] ?? 0;
    const ends = geometry.ends[line.index];
    if (!ends || perSecond <= 0) continue;
    const width = 1.5 + 9 * Math.sqrt(perSecond / rates.maxSentPerSecond);
    out.push({ from: ends[0], to: ends[1], perSecond, width, labelled: ends[0] < 2 });
  }
  return out;
}

export function useTrafficCanvas(inputs: CanvasInputs): Painter {
  const [painter] = useState(() => new Painter(inputs.animator));
  const { canvasRef, svgRef, layout, geometry, zoom, rates, mode, traceHops, motion } = inputs;
  const streams = useMemo(() => streamsOf(layout, geometry, rates), [layout, geometry, rates]);
  useEffect(() => {
    painter.update({
      canvas: canvasRef.current,
      svg: svgRef.current,
      layout,
      geometry,
      zoom,
      streams,
      mode,
      traceHops,
      motion,
    });
  }, [painter, canvasRef, svgRef, layout, geometry, zoom, streams, mode, traceHops, motion]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(() => painter.resized());
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svgRef, painter]);
  useEffect(() => {
    const canvas = canvasRef.current;
    return canvas ? watchTheme(canvas, () => painter.themeChanged()) : undefined;
  }, [canvasRef, painter]);
  useEffect(() => () => painter.stop(), [painter]);
  return painter;
}
