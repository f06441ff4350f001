// Northstar portal service worker. BUILD is replaced by the server with the build's asset hashes,
// so every release is a new worker and the page can offer "Update available — reload".
// Caches only static, non-personal files: the offline page, icons, the manifest and the hashed
// /pkg bundle. Pages and API answers are never cached: they always go to the network.
const BUILD = '__BUILD__';
const CACHE = `portal-${BUILD}`;
const SHELL = ['/offline.html', '/offline.css', '/favicon.svg', '/icons/icon-192.png', '/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

const hashedAsset = (path) => path.startsWith('/pkg/') && path.split('/').pop().split('.').length >= 3;

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Pages: network only; the offline page when there is no network.
    event.respondWith(fetch(req).catch(() => caches.match('/offline.html')));
    return;
  }
  if (hashedAsset(url.pathname) || SHELL.includes(url.pathname)) {
    event.respondWith(
      caches.match(req).then((hit) => hit || fetch(req).then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })),
    );
  }
});
