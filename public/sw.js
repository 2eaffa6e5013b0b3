// Faultline's service worker: after the first visit the lab works offline, and a new deploy is
// picked up on the next visit. The build (scripts/offlineCache.ts) fills in VERSION, a hash of the
// build, and FILES, everything the lab needs; each version has its own cache.
// - The page (a navigation) comes from the network when it can, so a new deploy shows at once;
//   from the cache when offline.
// - Built files have content hashes in their names, so a cached copy is always right: cache first.
// - Anything else but a page never gets a page back: a missing script is an error, not the
//   lab's HTML (which some servers send for any unknown address).
const VERSION = 'dev';
const FILES = [];
const PREFIX = 'faultline-';
// Servers may answer `Vary: Origin`; a file's content does not depend on who asked, and the files
// cached at install were asked for without the Origin header that module scripts send.
const MATCH = { ignoreVary: true };
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(pageNetworkFirst(request));
  else if (url.pathname.includes('/assets/')) event.respondWith(fileCacheFirst(request));
  else event.respondWith(fileNetworkFirst(request));
});

const isPage = (response) => (response.headers.get('content-type') ?? '').includes('text/html');
const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

async function pageNetworkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Any cached copy of the page will do: the experiment is in the fragment, options in the query.
    const cached = (await cache.match(request, { ...MATCH, ignoreSearch: true })) ?? (await cache.match('./', MATCH));
    if (cached) return cached;
    throw error;
  }
}

/** A file from the network, never a page in its place (and only real files are cached). */
async function fetchFile(request, cache) {
  const response = await fetch(request);
  if (isPage(response)) return notFound();
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function fileCacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, MATCH)) ?? fetchFile(request, cache);
}

async function fileNetworkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    return await fetchFile(request, cache);
  } catch (error) {
    const cached = await cache.match(request, MATCH);
    if (cached) return cached;
    throw error;
  }
}
