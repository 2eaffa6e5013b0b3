// How the lab's React roots report errors that an error boundary caught. React's default prints
// them with console.error, which reads as a crash (and fails the browser tests, which treat any
// console error as one); the boundary already shows the learner what failed, so a warning is
// enough for developers. Errors no boundary caught keep React's default: they are real crashes.
import type { RootOptions } from 'react-dom/client';

export const rootErrorOptions: RootOptions = {
  onCaughtError: (error, info) => {
    console.warn(
      'Faultline: a part of the lab failed to draw and shows a message instead.',
      error,
      info.componentStack,
    );
  },
};
