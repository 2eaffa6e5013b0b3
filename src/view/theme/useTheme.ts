// Keeps the lab's root element's data-theme in step with the link, the learner's pick and the
// system's dark setting (themes.css does the rest). In a <faultline-lab> element the root is the
// element itself, so a host page and other labs on it keep their own colours.
import { useCallback, useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { browserStorage } from '../../lessons/progress';
import { useDisplay } from '../share/displayContext';
import { choiceOf, readStoredTheme, resolveTheme, storeTheme, type Theme, type ThemeChoice } from './theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystem(onChange: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => {};
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemIsDark = () => typeof matchMedia !== 'undefined' && matchMedia(DARK_QUERY).matches;

/** The element that carries data-theme for the lab around `anchor`. */
export function themeRootOf(anchor: Element | null): HTMLElement | null {
  const element = anchor?.closest<HTMLElement>('faultline-lab');
  return element ?? anchor?.ownerDocument.documentElement ?? null;
}

export interface ThemeState {
  readonly theme: Theme;
  readonly choice: ThemeChoice;
  pick(choice: ThemeChoice): void;
}

export function useTheme(anchor: RefObject<Element | null>): ThemeState {
  const linked = useDisplay().theme;
  const [stored] = useState(() => readStoredTheme(browserStorage()));
  const [picked, setPicked] = useState<ThemeChoice | null>(null);
  const systemDark = useSyncExternalStore(subscribeToSystem, systemIsDark, () => false);
  const inputs = { picked, linked, stored, systemDark };
  const theme = resolveTheme(inputs);
  useLayoutEffect(() => {
    const root = themeRootOf(anchor.current);
    if (root) root.dataset.theme = theme;
  }, [anchor, theme]);
  const pick = useCallback((choice: ThemeChoice) => {
    setPicked(choice);
    storeTheme(browserStorage(), choice);
  }, []);
  return { theme, choice: choiceOf(inputs), pick };
}
