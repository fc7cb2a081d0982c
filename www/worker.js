// The annotator's thread. Loading the WASM core and running it here keeps the page responsive
// while a long article is annotated: the main thread only sends text and receives the result.
//
// Messages in:  {type: "annotate", id, text}
// Messages out: {type: "ready", info} | {type: "failed", message}
//               {type: "result", id, doc, ms} | {type: "error", id, message}

import init, { annotate, info } from "./pkg/loupe.js";

const ready = init()
  .then(() => {
    self.postMessage({ type: "ready", info: info() });
    return true;
  })
  .catch((err) => {
    self.postMessage({ type: "failed", message: `Could not load the annotator (${err && err.message ? err.message : err}). Build it with scripts/build-wasm.sh.` });
    return false;
  });

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== "annotate") return;
  if (!(await ready)) return;
  try {
    const t0 = performance.now();
    const doc = annotate(String(msg.text));
    const ms = performance.now() - t0;
    self.postMessage({ type: "result", id: msg.id, doc, ms });
  } catch (err) {
    // A trap leaves the instance unusable; the bridge replaces this worker on "error".
    self.postMessage({ type: "error", id: msg.id, message: String(err && err.message ? err.message : err) });
  }
});
