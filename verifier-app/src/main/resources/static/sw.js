// The verifier's service worker: keeps the start page (in each language), the scanner, the offline
// verifier's scripts and the QR decoder, so that the page opens and checks certificates with no
// network. Pages: network first, the kept copy when the network fails; a /C/ link with no network gets
// the start page, whose script checks the credential in the browser against the offline bundle
// (offline/app.js keeps and refreshes that bundle). Scripts and icons: the kept copy at once, refreshed
// in the background. The API is never cached here, and neither is a result page (it names a person).
'use strict';

const VERSION = 'pramaan-verifier-v1';
const PAGES = ['/', '/?lang=te', '/?lang=en', '/?lang=hi'];
const ASSETS = [
  '/scan.js', '/offline/app.js', '/offline/verify.js', '/offline/pdf.js',
  '/vendor/tiny-cbor/index.js', '/vendor/tiny-cbor/cbor/cbor.js', '/vendor/tiny-cbor/cbor/cbor_internal.js',
  '/vendor/jsQR.js', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png',
];
const PRECACHE = PAGES.concat(ASSETS);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('pramaan-verifier-') && name !== VERSION)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

function startPageFor(url) {
  const lang = url.searchParams.get('lang');
  return caches.open(VERSION).then((cache) => (lang ? cache.match('/?lang=' + lang) : Promise.resolve(undefined))
    .then((page) => page || cache.match('/')));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')
      || url.pathname.startsWith('/actuator/')) {
    return;
  }
  if (request.mode === 'navigate') {
    const kept = url.pathname === '/' && PAGES.includes(url.pathname + url.search);
    event.respondWith(fetch(request).then((response) => {
      if (kept && response.ok) {
        const copy = response.clone();
        caches.open(VERSION).then((cache) => cache.put(url.pathname + url.search, copy));
      }
      return response;
    }).catch(() => (kept ? caches.match(url.pathname + url.search) : Promise.resolve(undefined))
      .then((page) => page || startPageFor(url))
      .then((page) => page || Response.error())));
    return;
  }
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(caches.open(VERSION).then((cache) => cache.match(url.pathname).then((cached) => {
      const fresh = fetch(request).then((response) => {
        if (response.ok) { cache.put(url.pathname, response.clone()); }
        return response;
      });
      if (cached) {
        event.waitUntil(fresh.catch(() => undefined));
        return cached;
      }
      return fresh;
    })));
  }
});
