// Counting React's commits in a page: an init script poses as the React DevTools hook, which
// React (production builds too) calls once per commit. (Which components rendered is not
// counted: a fiber's work flag outlives the commit that set it, so a tree walk over-counts.)

export function reactCommitCounter(): string {
  return `(() => {
    window.__commits = 0;
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject() { return 1; },
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot() { window.__commits++; },
    };
  })()`;
}
