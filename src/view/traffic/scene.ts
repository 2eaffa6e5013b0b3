// The canvas's frame of reference and colours: where the SVG puts its viewBox on screen (fitted,
// centred, then zoomed and panned), and the theme's colours read from its CSS variables so the
// marks change with light, dark and projector themes.
import type { ZoomTransform } from 'd3-zoom';
import type { Palette, Scene } from './drawTraffic';
import type { TrafficGeometry } from './trafficGeometry';

const VARIABLES: Record<keyof Palette, [string, string]> = {
  request: ['--state-info', '#0072b2'],
  retry: ['--state-degraded', '#e69f00'],
  storage: ['--state-neutral', '#7a8290'],
  ok: ['--state-up', '#009e73'],
  error: ['--state-down', '#d55e00'],
  rejected: ['--state-overloaded', '#cc79a7'],
  unavailable: ['--state-down', '#d55e00'],
  trace: ['--focus', '#d9480f'],
  lost: ['--state-down', '#d55e00'],
  outline: ['--panel', '#ffffff'],
  ink: ['--ink', '#1b1f24'],
};

export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const entries = Object.entries(VARIABLES).map(([role, [name, fallback]]) => [
    role,
    style.getPropertyValue(name).trim() || fallback,
  ]);
  return Object.fromEntries(entries) as Palette;
}

export function sceneFor(
  geometry: TrafficGeometry,
  palette: Palette,
  view: { width: number; height: number },
  box: { width: number; height: number },
  zoom: ZoomTransform,
  dpr: number,
): Scene {
  const fit = Math.min(box.width / view.width, box.height / view.height);
  const ox = (box.width - view.width * fit) / 2;
  const oy = (box.height - view.height * fit) / 2;
  const projector = document.documentElement.dataset.theme === 'projector';
  return {
    geometry,
    palette,
    scale: fit * zoom.k,
    dx: ox + fit * zoom.x,
    dy: oy + fit * zoom.y,
    dpr,
    // Marks keep their size on screen whatever the fit and zoom: sizes are in CSS pixels.
    markScale: (projector ? 1.5 : 1) / (fit * zoom.k),
  };
}
