// The canvas over the cluster picture's links where requests move. It asks the worker to follow a
// sample of requests sized to the load and speed, plays their hops with an Animator, and draws
// them each animation frame while there is something to draw. At high speed it draws streams,
// without motion still widths and rates. Hidden from assistive technology: the links, the legend
// and the figures say the same in words.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ZoomTransform } from 'd3-zoom';
import type { Topology } from '../../sim/index';
import type { AppState } from '../../store/appStore';
import { useApp, useAppStore } from '../../store/context';
import type { TopologyLayout } from '../topology/layout';
import type { LinkRates } from '../topology/linkState';
import { Animator } from './animator';
import { useTrafficMode } from './useTrafficMode';
import { trafficGeometry } from './trafficGeometry';
import { useTrafficCanvas } from './useTrafficCanvas';
import './traffic.css';

const selectTrace = (s: AppState) => s.trace;

interface TrafficLayerProps {
  readonly topology: Topology;
  readonly layout: TopologyLayout;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly zoom: ZoomTransform;
  readonly rates: LinkRates | null;
}

export function TrafficLayer({ topology, layout, svgRef, zoom, rates }: TrafficLayerProps) {
  const store = useAppStore();
  const trace = useApp(selectTrace);
  const { mode, motion, everyN } = useTrafficMode();
  const geometry = useMemo(() => trafficGeometry(topology, layout), [topology, layout]);
  const [animator] = useState(() => new Animator());
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    store.getState().actions.followRequests(everyN);
    if (everyN === 0) animator.clear();
  }, [store, everyN, animator]);
  useEffect(() => () => store.getState().actions.followRequests(0), [store]);

  const traceHops = useMemo(
    () =>
      trace?.status === 'found'
        ? (trace.trace.story?.steps ?? []).flatMap((s) => (s.type === 'hop' ? [s.hop] : []))
        : [],
    [trace],
  );
  const painter = useTrafficCanvas({
    canvasRef,
    svgRef,
    layout,
    geometry,
    animator,
    zoom,
    rates,
    mode,
    traceHops,
    motion,
  });

  useEffect(() => {
    if (traceHops.length > 0 && motion) animator.follow(traceHops);
    else animator.follow([]);
    painter.wake();
  }, [animator, traceHops, motion, painter]);

  useEffect(
    () =>
      store.getState().traffic.subscribe((traffic) => {
        if (mode !== 'dots') return;
        animator.ingest(traffic, store.getState().speed);
        painter.wake();
      }),
    [store, animator, mode, painter],
  );

  return (
    <canvas
      ref={canvasRef}
      className="traffic-canvas"
      aria-hidden="true"
      data-mode={mode}
      data-every={everyN}
      data-testid="traffic-canvas"
    />
  );
}
