// Registers the service worker (public/sw.js) in built apps, so the lab works offline after the
// first visit. Relative to the page, so it works under any base path. Not in development, where
// files change under the same names.
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Offline use is a convenience: the lab works the same without it.
    });
  });
}
