// The header's theme picker: System (follow the system's light or dark), Light, Dark, Projector.
import { useId, useRef } from 'react';
import { THEME_WORDS, type ThemeChoice } from './theme';
import { useTheme } from './useTheme';
import './themes.css';

const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'projector'];

export function ThemePicker() {
  const anchor = useRef<HTMLSelectElement>(null);
  const { choice, pick } = useTheme(anchor);
  const id = useId();
  return (
    <span className="theme-picker">
      <label htmlFor={id} className="visually-hidden">
        Theme
      </label>
      <select
        id={id}
        ref={anchor}
        value={choice}
        title="Theme: light, dark or projector (System follows your system's setting)"
        onChange={(e) => pick(e.target.value as ThemeChoice)}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {THEME_WORDS[c]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The theme without a picker (an embedded lab): the link's theme, else the system's. */
export function ThemeRoot() {
  const anchor = useRef<HTMLSpanElement>(null);
  useTheme(anchor);
  return <span ref={anchor} hidden />;
}
