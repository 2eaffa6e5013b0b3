// Which theme the lab shows: a `?theme=` link wins, then the learner's own pick (kept in the
// browser), then the system's light or dark setting. Plain functions, so they are tested in Node.
import { THEMES, type Theme } from '../../share/displayOptions';

export { THEMES, type Theme };

/** What the header's picker offers: a theme, or "system" to follow the system's setting. */
export type ThemeChoice = Theme | 'system';

export const THEME_KEY = 'faultline.theme';

export const THEME_WORDS: Readonly<Record<ThemeChoice, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  projector: 'Projector',
};

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The learner's stored pick, or null (none, unreadable storage, or a value that is not ours). */
export function readStoredTheme(storage: Storage | null): Theme | null {
  try {
    const value = storage?.getItem(THEME_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps the pick ("system" forgets it); storage that refuses (private mode, quota) is not fatal. */
export function storeTheme(storage: Storage | null, choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, choice);
  } catch {
    // The pick still holds for this visit.
  }
}

export interface ThemeInputs {
  /** Picked in the header during this visit: it wins over everything. */
  readonly picked: ThemeChoice | null;
  /** From the link; it wins over a remembered pick and the system. */
  readonly linked: Theme | null;
  /** Picked on an earlier visit. */
  readonly stored: Theme | null;
  readonly systemDark: boolean;
}

/** The picker's value. */
export function choiceOf({ picked, linked, stored }: ThemeInputs): ThemeChoice {
  return picked ?? linked ?? stored ?? 'system';
}

export function resolveTheme(inputs: ThemeInputs): Theme {
  const choice = choiceOf(inputs);
  if (choice !== 'system') return choice;
  return inputs.systemDark ? 'dark' : 'light';
}
