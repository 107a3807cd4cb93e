// The service worker: after the first visit the app opens and works with no
// network at all. This file is a TEMPLATE: scripts/make-sw.mjs (a Trunk
// post_build hook, see Trunk.toml) replaces __BUILD__ with the list of every
// file of the build and its hash, and writes the result to dist/sw.js. Until
// then it is not valid JavaScript, so an unbuilt copy can never be installed.
//
// What it does, and nothing more (no analytics, no background sync, no push):
//   - install: fetches every file of the build into one cache, each checked
//     against its hash, then takes over at once;
//   - activate: deletes this app's caches from earlier builds;
//   - fetch: the build's files come from the cache (the network only if the
//     cache lost one); opening the app (any query, any #fragment) gives the
//     cached index.html, opening another page of the build (away.html) that
//     page; another path under the app tries the network and, offline, is
//     sent to the app's start. Requests to other origins, other methods and
//     other files are left alone: they go to the network exactly as if
//     there were no service worker.
// A new build changes BUILD.version and so this file's bytes: the browser
// installs the new worker, which caches the new build. The page in use keeps
// running; the next time the app is opened it is the new version.

const BUILD = __BUILD__;

const SCOPE = new URL(self.registration.scope);
// Caches are shared by the whole origin: name ours by app and scope, so the
// clean-up never touches another app (or another copy of this one) there.
const PREFIX = `hr-readiness ${SCOPE.href} `;
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL("index.html", self.location.href).href;
const PRECACHED = new Set(BUILD.files.map((file) => new URL(file.url, self.location.href).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(BUILD.files.map((file) => precache(cache, file)));
      } catch (error) {
        // Half a build is worse than none: the browser tries again later.
        await caches.delete(CACHE);
        throw error;
      }
      await self.skipWaiting();
    })(),
  );
});

async function precache(cache, { url, integrity }) {
  // The integrity check makes sure each file is the one this build made,
  // never a stale or mixed copy. The page has usually just downloaded the
  // file, so try the browser's HTTP cache first (no second download); if
  // that copy is stale it fails the check, and the server is asked.
  let response;
  try {
    response = await fetch(new Request(url, { integrity }));
  } catch {
    response = await fetch(new Request(url, { cache: "reload", integrity }));
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A host that redirects (say index.html to ./) gives a "redirected"
  // response, which browsers refuse to use for a navigation: store a copy.
  const clean = response.redirected
    ? new Response(await response.blob(), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    : response;
  await cache.put(url, clean);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
    return;
  }
  url.hash = "";
  if (PRECACHED.has(url.href)) event.respondWith(cacheFirst(request, url.href));
});

async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}

async function navigate(request, url) {
  const page = new URL(url.pathname, url).href;
  if (page === SCOPE.href) {
    // The app itself, whatever the query and the #fragment.
    return cacheFirst(request, INDEX);
  }
  if (PRECACHED.has(page)) {
    // index.html, or another page of the build (the quick exit's neutral
    // page must open offline too), whatever the query and the #fragment.
    return cacheFirst(request, page);
  }
  try {
    return await fetch(request);
  } catch (error) {
    // Offline at another path: the app's files are addressed relative to its
    // start, so send the browser there (keeping the #fragment) rather than
    // serve index.html at a path where its links would not resolve.
    if (!(await caches.match(INDEX, { cacheName: CACHE }))) throw error;
    return Response.redirect(new URL(url.hash, SCOPE).href, 302);
  }
}
