import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOVES } from '../topology/clusterKeys';
import { HELP_ROWS, SHORTCUTS, shortcutFor } from './shortcuts';

const listed = new Set(HELP_ROWS.flatMap((row) => row.keys));

/** `key === 'x'` comparisons in a source file: the keys it handles by name. */
function keysComparedIn(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...source.matchAll(/\.key === '([^']+)'/g)].map((m) => m[1] as string);
}

describe('the help lists every key the lab handles', () => {
  it('lists every global shortcut', () => {
    for (const shortcut of SHORTCUTS) for (const key of shortcut.keys) expect(listed, key).toContain(key);
  });

  it('lists every key compared by name in the global handler, the nodes and the links', () => {
    const files = ['./KeyboardShortcuts.tsx', '../topology/NodeGlyph.tsx', '../topology/LinkPath.tsx'];
    const keys = files.flatMap(keysComparedIn);
    expect(keys).toContain('Escape');
    expect(keys).toContain('Enter');
    for (const key of keys) expect(listed, key).toContain(key);
  });

  it("lists every key that moves focus in the cluster picture, and Shift+Enter's group selection", () => {
    for (const key of Object.keys(MOVES)) expect(listed, key).toContain(key);
    expect(listed).toContain('Shift+Enter');
  });

  it('shows each row with at least one key and a description', () => {
    for (const row of HELP_ROWS) {
      expect(row.shown.length).toBeGreaterThan(0);
      expect(row.description.length).toBeGreaterThan(10);
    }
  });

  it('maps each key to one shortcut', () => {
    expect(shortcutFor(' ')).toBe('togglePlay');
    expect(shortcutFor('?')).toBe('help');
    expect(shortcutFor('l')).toBeNull();
  });
});
