import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../../store/appStore';
import { fieldText, parseDraft } from './numberDraft';
import { nextSpeed, shortcutFor, SHORTCUTS } from './shortcuts';

describe('parseDraft', () => {
  it('accepts numbers within the rule, with thousands separators', () => {
    expect(parseDraft('1,500', { min: 0, max: 2000 })).toEqual({ ok: true, value: 1500 });
    expect(parseDraft(' 0.5 ', {})).toEqual({ ok: true, value: 0.5 });
  });

  it('explains what is wrong in words', () => {
    expect(parseDraft('', {})).toEqual({ ok: false, error: 'Enter a number.' });
    expect(parseDraft('abc', {})).toEqual({ ok: false, error: '"abc" is not a number.' });
    expect(parseDraft('2.5', { integer: true })).toEqual({ ok: false, error: 'Enter a whole number.' });
    expect(parseDraft('-1', { min: 0 })).toEqual({ ok: false, error: 'Must be at least 0.' });
    expect(parseDraft('20000', { max: 10_000 })).toEqual({ ok: false, error: 'Must be at most 10,000.' });
  });

  it('runs the extra check only on a number that passes the range', () => {
    const check = (v: number) => (v > 3 ? 'too many' : null);
    expect(parseDraft('4', { min: 1, check })).toEqual({ ok: false, error: 'too many' });
    expect(parseDraft('0', { min: 1, check })).toEqual({ ok: false, error: 'Must be at least 1.' });
  });

  it('shows a value as plain digits an <input type=number> accepts', () => {
    expect(fieldText(300_000)).toBe('300000');
    expect(fieldText(0.1 + 0.2)).toBe('0.3');
  });
});

describe('shortcuts', () => {
  it('step through SPEEDS and stop at both ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(SPEEDS[0], -1)).toBe(SPEEDS[0]);
    expect(nextSpeed(1000, 1)).toBe(1000);
  });

  it('give each key one action', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(shortcutFor(' ')).toBe('togglePlay');
    expect(shortcutFor('?')).toBe('help');
    expect(shortcutFor('x')).toBeNull();
  });
});
