import { describe, expect, it } from 'vitest';
import { choiceOf, readStoredTheme, resolveTheme, storeTheme, THEME_KEY } from './theme';

/** Just what the theme reads and writes. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
  return storage as unknown as Storage;
}

const none = { picked: null, linked: null, stored: null, systemDark: false } as const;

describe('theme', () => {
  it('follows the system by default', () => {
    expect(resolveTheme(none)).toBe('light');
    expect(resolveTheme({ ...none, systemDark: true })).toBe('dark');
    expect(choiceOf(none)).toBe('system');
  });

  it('a remembered pick wins over the system, a link over both, a pick in the header over all', () => {
    expect(resolveTheme({ ...none, stored: 'projector', systemDark: true })).toBe('projector');
    expect(resolveTheme({ ...none, stored: 'light', linked: 'dark' })).toBe('dark');
    expect(resolveTheme({ ...none, picked: 'light', linked: 'dark', stored: 'projector' })).toBe('light');
    expect(resolveTheme({ ...none, picked: 'system', linked: 'projector', systemDark: true })).toBe('dark');
  });

  it('remembers a pick, forgets it for "system", and ignores a stored value that is not a theme', () => {
    const storage = memoryStorage();
    storeTheme(storage, 'dark');
    expect(readStoredTheme(storage)).toBe('dark');
    storeTheme(storage, 'system');
    expect(readStoredTheme(storage)).toBeNull();
    storage.setItem(THEME_KEY, 'sepia');
    expect(readStoredTheme(storage)).toBeNull();
    expect(readStoredTheme(null)).toBeNull();
  });

  it('survives storage that refuses', () => {
    const refusing = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readStoredTheme(refusing)).toBeNull();
    expect(() => storeTheme(refusing, 'dark')).not.toThrow();
  });
});
