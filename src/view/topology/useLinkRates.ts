// Link traffic rates for the frames the view receives. Kept in state and advanced during render
// when the frame changes (React's "information from previous renders" pattern), so no effect runs
// per frame and nothing mutable is shared between renders.
import { useState } from 'react';
import type { Frame } from '../../sim/index';
import { advanceRates, NO_RATES, type LinkRates, type RateState } from './linkState';

export function useLinkRates(frame: Frame | null): LinkRates | null {
  const [state, setState] = useState<RateState>(NO_RATES);
  if (state.frame !== frame) {
    const next = advanceRates(state, frame);
    setState(next);
    return next.rates;
  }
  return state.rates;
}
