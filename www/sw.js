// The service worker: makes the page work offline after the first visit, from one consistent
// build.
//
// The build writes pkg/precache.js (scripts/precache.mjs): every file of the page with the
// SHA-256 of its bytes, and a version. Installing fetches them all, checks each against its
// hash and stores them in a cache named after the version; a mismatch (a server halfway through
// a deploy) fails the install and the previous version stays. Activating deletes every other
// version's cache. While a version is active, every request for one of its files is answered
// from its cache only, so a page never runs new JS against an old WASM module or the reverse.
//
// A new build is found by the browser's own update check (it compares this script and
// pkg/precache.js byte for byte). The new worker waits until no tab runs the old version, unless
// the page asks it to take over now ({type: "skip-waiting"}) and reloads, which app.js offers.
// Requests for anything not in the list (none today) go to the network untouched.

/* global LOUPE_BUILD */
importScripts("./pkg/precache.js");

const PREFIX = "loupe-";
const CACHE = `${PREFIX}${LOUPE_BUILD.version}`;
const SCOPE = new URL("./", self.location.href);

/** The list's path for a request URL inside the scope ("" is the page itself), or null. */
function pathOf(url) {
  const u = new URL(url);
  if (u.origin !== SCOPE.origin || !u.pathname.startsWith(SCOPE.pathname)) return null;
  const path = u.pathname.slice(SCOPE.pathname.length) || "index.html";
  return Object.hasOwn(LOUPE_BUILD.files, path) ? path : null;
}

/** Base64 SHA-256 of `buffer`, as the list writes it. */
async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  let bin = "";
  for (const b of digest) bin += String.fromCharCode(b);
  return btoa(bin);
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    Object.entries(LOUPE_BUILD.files).map(async ([path, hash]) => {
      const url = new URL(path, SCOPE);
      // "no-cache": revalidate with the server, never take a stale copy from the HTTP cache.
      const res = await fetch(url, { cache: "no-cache" });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      const got = await sha256(await res.clone().arrayBuffer());
      if (got !== hash) throw new Error(`${path} does not match this build (the server is changing?)`);
      await cache.put(url, res);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    precache().catch(async (err) => {
      await caches.delete(CACHE);
      throw err;
    }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The first visit's page came from the network, from this same build: take it over so it
      // works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const path = pathOf(req.url);
  if (path === null) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(new URL(path, SCOPE));
      // Missing only if the cache was cleared under us: the network still has this build or a
      // newer one, which is better than failing.
      return hit || fetch(req);
    })(),
  );
});
