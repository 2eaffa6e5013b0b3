// For drawings that cannot use var() (a canvas): the theme's colours as the page computes them,
// and a callback when the theme changes (data-theme on the lab's root, or the system's setting).
import { themeRootOf } from './useTheme';

/** The computed value of a colour variable at `element`, e.g. cssColour(canvas, '--state-up'). */
export function cssColour(element: Element, name: `--${string}`): string {
  return getComputedStyle(element).getPropertyValue(name).trim();
}

/** Calls `onChange` whenever the theme around `element` changes; returns the unsubscribe. */
export function watchTheme(element: Element, onChange: () => void): () => void {
  const root = themeRootOf(element);
  const observer = new MutationObserver(onChange);
  if (root) observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  const forced = typeof matchMedia === 'undefined' ? null : matchMedia('(forced-colors: active)');
  forced?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    forced?.removeEventListener('change', onChange);
  };
}
