// Registers the service worker (sw.js) that keeps the page usable offline after the first
// visit, and offers a newer build when one has been installed.
//
// Registration waits until the annotator is ready, so caching the page's files (the WASM module
// is most of them) never competes with opening it. A new build's worker waits until no tab runs
// the old one; "Reload to use it" asks it to take over now and reloads this tab once it has, so
// the page never runs with files of two builds.

/** Starts the offline cache; shows `notice` (with its `button`) when a new build is waiting. */
export function keepOffline(notice, button) {
  if (!("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;
  const offer = (waiting) => {
    if (!waiting || !sw.controller) return; // the first install needs no reload
    notice.hidden = false;
    button.onclick = () => {
      sw.addEventListener("controllerchange", () => location.reload(), { once: true });
      waiting.postMessage({ type: "skip-waiting" });
    };
  };
  sw.register(new URL("./sw.js", import.meta.url))
    .then((reg) => {
      offer(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const next = reg.installing;
        next?.addEventListener("statechange", () => {
          if (next.state === "installed") offer(next);
        });
      });
    })
    .catch((err) => console.warn(`Loupe will not work offline: ${err && err.message ? err.message : err}`));
}
