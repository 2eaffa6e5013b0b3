// The canvas's frame of reference and colours: where the SVG puts its viewBox on screen (fitted,
// centred, then zoomed and panned), and the theme's colours read from its CSS variables so the
// marks change with light, dark and projector themes (on the lab's own root, which inside
// <faultline-lab> is the element, not the page).
import type { ZoomTransform } from 'd3-zoom';
import type { Palette, Scene } from './drawTraffic';
import type { TrafficGeometry } from './trafficGeometry';
import { cssColour } from '../theme/themeColours';
import { themeRootOf } from '../theme/useTheme';

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

/** The theme's colours at the canvas, and whether it is the projector theme (bigger marks). */
export interface Look {
  readonly palette: Palette;
  readonly projector: boolean;
}

/** Read once per theme (watchTheme says when it changes), not per frame. */
export function readLook(element: Element): Look {
  const entries = Object.entries(VARIABLES).map(([role, [name, fallback]]) => [
    role,
    cssColour(element, name as `--${string}`) || fallback,
  ]);
  return {
    palette: Object.fromEntries(entries) as Palette,
    projector: themeRootOf(element)?.dataset.theme === 'projector',
  };
}

export function sceneFor(
  geometry: TrafficGeometry,
  look: Look,
  view: { width: number; height: number },
  box: { width: number; height: number },
  zoom: ZoomTransform,
  dpr: number,
): Scene {
  const fit = Math.min(box.width / view.width, box.height / view.height);
  const ox = (box.width - view.width * fit) / 2;
  const oy = (box.height - view.height * fit) / 2;
  return {
    geometry,
    palette: look.palette,
    scale: fit * zoom.k,
    dx: ox + fit * zoom.x,
    dy: oy + fit * zoom.y,
    dpr,
    // Marks keep their size on screen whatever the fit and zoom: sizes are in CSS pixels.
    markScale: (look.projector ? 1.5 : 1) / (fit * zoom.k),
  };
}
