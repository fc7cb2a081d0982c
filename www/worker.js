// The annotator's thread. Loading the WASM core and running it here keeps the page responsive
// while a long article is annotated: the main thread only sends text and receives the result.
//
// Messages in:  {type: "annotate", id, text, edits} (edits: the reader's corrections, may be [])
//               {type: "export", id, text, edits, format, name} | {type: "import", id, json}
// Messages out: {type: "ready"} as soon as the module is compiled, then {type: "info", info}
//               (the model is parsed then, off the page's open → ready path) | {type: "failed", message}
//               {type: "progress", id, stage, done, total} while annotating (the core calls back
//               at each stage's start and every ~50 ms of entity tagging)
//               {type: "part", id, key, items} … then {type: "result", id, doc, ms}: the long
//               arrays of a big document come in slices (see PART), so the page never has to
//               deserialize one huge message in a single task; `doc` holds the rest. The next
//               part is posted only when the page answers {type: "ack"} (it does so from its
//               next animation frame), so the slices cannot pile up between two frames.
//               (`doc` is the document; the result also carries `report: {applied, dropped}`,
//               what became of the edits, see `annotate_with_edits`)
//               {type: "error", id, message}
//               {type: "done", id, value} | {type: "refused", id, message} answer "export"
//               (value: [{name, content}]) and "import" (value: {text, edits}); "refused" is an
//               error the core reported (a file that is not an export), the worker stays usable

import init, { annotate_with_edits, export_files, import_json, info } from "./pkg/loupe.js";

/** Most items, and most characters of item text, per "part" message: a slice the page
 * deserializes in a few milliseconds (quotations carry their text, so count that too). */
const PART = 5000;
const PART_CHARS = 100000;

/** `items` cut into slices of at most PART items and about PART_CHARS characters of text. */
function* slices(items) {
  let from = 0;
  let chars = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    chars += typeof it.text === "string" ? it.text.length : 0;
    if (i + 1 - from >= PART || chars >= PART_CHARS) {
      yield items.slice(from, i + 1);
      from = i + 1;
      chars = 0;
    }
  }
  if (from < items.length) yield items.slice(from);
}

const ready = init()
  .then(() => {
    self.postMessage({ type: "ready" });
    self.postMessage({ type: "info", info: info() });
    return true;
  })
  .catch((err) => {
    self.postMessage({ type: "failed", message: `Could not load the annotator (${err && err.message ? err.message : err}). Build it with scripts/build-wasm.sh.` });
    return false;
  });

/** Resolves the wait for the page's "ack" of the last part posted. */
let acked = null;

/** Posts `doc`'s long arrays in slices, one per "ack", then the rest of it. */
async function postResult(id, doc, ms, report) {
  const rest = { ...doc };
  for (const [key, value] of Object.entries(doc)) {
    if (!Array.isArray(value) || value.length <= 1000) continue;
    for (const items of slices(value)) {
      const ack = new Promise((resolve) => (acked = resolve));
      self.postMessage({ type: "part", id, key, items });
      await ack;
    }
    rest[key] = [];
  }
  self.postMessage({ type: "result", id, doc: rest, ms, report });
}

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg && msg.type === "ack") {
    acked?.();
    acked = null;
    return;
  }
  if (!msg || !["annotate", "export", "import"].includes(msg.type)) return;
  if (!(await ready)) return;
  try {
    if (msg.type === "export" || msg.type === "import") {
      let value;
      try {
        value =
          msg.type === "export"
            ? export_files(String(msg.text), msg.edits || [], String(msg.format), String(msg.name))
            : import_json(String(msg.json));
      } catch (err) {
        if (!(err instanceof Error) || err instanceof WebAssembly.RuntimeError) throw err;
        self.postMessage({ type: "refused", id: msg.id, message: String(err.message) });
        return;
      }
      self.postMessage({ type: "done", id: msg.id, value });
      return;
    }
    const t0 = performance.now();
    const progress = (p) => self.postMessage({ type: "progress", id: msg.id, ...p });
    const { document, applied, dropped } = annotate_with_edits(String(msg.text), msg.edits || [], undefined, progress);
    await postResult(msg.id, document, performance.now() - t0, { applied, dropped });
  } catch (err) {
    // A trap leaves the instance unusable; the bridge replaces this worker on "error".
    self.postMessage({ type: "error", id: msg.id, message: String(err && err.message ? err.message : err) });
  }
});
