// The page's display options (src/share/displayOptions.ts), read once at start-up.
import { createContext, useContext } from 'react';
import { parseDisplayOptions, type DisplayOptions } from '../../share/displayOptions';

export const DisplayContext = createContext<DisplayOptions>(parseDisplayOptions('').options);

export function useDisplay(): DisplayOptions {
  return useContext(DisplayContext);
}
