// The main thread's side of the annotator worker.
//
// Only the latest text matters: while one annotation runs, newer requests replace each other in
// a one-slot queue. A WASM call cannot be interrupted, so when a long text is still being
// annotated and the user has already changed it, or presses Cancel, the worker is terminated and
// a fresh one started rather than waiting for a result nobody wants. Results carry the request
// id, so the caller can tell a stale one from the current one.
//
// A big document arrives as several "part" messages (slices of its long arrays) and a final
// "result"; each message is deserialized in its own task, so no single task on the page pays
// for cloning the whole document. The parts are only put back together here, unchanged.

/** Texts longer than this are worth a worker restart when they become stale (UTF-16 units). */
const RESTART_ABOVE = 20000;

export class Annotator {
  /**
   * callbacks: onReady() once the module is compiled, onInfo(info) once,
   * onResult(id, doc, ms, report) (report: {applied, dropped}, what became of the edits),
   * onProgress(id, {stage, done, total}), onError(id, message), onFailed(message) if the WASM
   * cannot be loaded at all.
   */
  constructor(callbacks) {
    this.cb = callbacks;
    this.nextId = 1;
    this.inFlight = null; // {id, text}
    this.pending = null; // {id, text}
    this.parts = null; // {id, arrays: {key: [slices]}} of the result arriving
    this.calls = new Map(); // id → {resolve, reject} of export/import calls
    this.announced = false;
    this.informed = false;
    this.start();
  }

  start() {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.addEventListener("message", (event) => this.onMessage(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.cb.onFailed?.(`The annotator stopped: ${event.message || "unknown error"}`);
    });
  }

  restart() {
    this.worker.terminate();
    for (const call of this.calls.values()) call.reject(new Error("The annotator was restarted; try again."));
    this.calls.clear();
    this.inFlight = null;
    this.parts = null;
    this.start();
  }

  onMessage(msg) {
    if (!msg) return;
    if (msg.type === "ready") {
      if (!this.announced) {
        this.announced = true;
        this.cb.onReady?.();
      }
    } else if (msg.type === "info") {
      if (!this.informed) {
        this.informed = true;
        this.cb.onInfo?.(msg.info);
      }
    } else if ((msg.type === "done" || msg.type === "refused" || msg.type === "error") && this.calls.has(msg.id)) {
      const call = this.calls.get(msg.id);
      this.calls.delete(msg.id);
      if (msg.type === "done") call.resolve(msg.value);
      else call.reject(new Error(msg.message));
      if (msg.type === "error") this.restart();
    } else if (msg.type === "failed") {
      this.cb.onFailed?.(msg.message);
    } else if (msg.type === "progress") {
      if (this.inFlight && this.inFlight.id === msg.id) this.cb.onProgress?.(msg.id, { stage: msg.stage, done: msg.done, total: msg.total });
    } else if (msg.type === "part") {
      // The next part comes after the next frame (at once in a background tab, which has none).
      const worker = this.worker;
      const ack = () => worker.postMessage({ type: "ack", id: msg.id });
      if (document.hidden) ack();
      else requestAnimationFrame(ack);
      if (!this.inFlight || this.inFlight.id !== msg.id) return;
      if (!this.parts || this.parts.id !== msg.id) this.parts = { id: msg.id, arrays: {} };
      (this.parts.arrays[msg.key] ||= []).push(msg.items);
    } else if (msg.type === "result" || msg.type === "error") {
      if (!this.inFlight || this.inFlight.id !== msg.id) return;
      this.inFlight = null;
      const parts = this.parts && this.parts.id === msg.id ? this.parts.arrays : {};
      this.parts = null;
      if (msg.type === "result") {
        const doc = msg.doc;
        for (const [key, slices] of Object.entries(parts)) doc[key] = slices.length === 1 ? slices[0] : [].concat(...slices);
        this.cb.onResult?.(msg.id, doc, msg.ms, msg.report);
      } else {
        this.cb.onError?.(msg.id, msg.message);
        this.restart();
      }
      this.pump();
    }
  }

  pump() {
    if (this.inFlight || !this.pending) return;
    this.inFlight = this.pending;
    this.pending = null;
    const { id, text, edits } = this.inFlight;
    this.worker.postMessage({ type: "annotate", id, text, edits });
  }

  /**
   * Queues `text` for annotation with the reader's corrections `edits` (an edit list, UTF-16
   * offsets; [] for none) and returns the request id its result will carry.
   */
  annotate(text, edits = []) {
    const id = this.nextId++;
    this.pending = { id, text, edits };
    if (this.inFlight && this.inFlight.text.length > RESTART_ABOVE) this.restart();
    this.pump();
    return id;
  }

  /** Sends a one-off request to the worker; resolves with its answer. */
  call(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /**
   * The files of `text` with `edits` applied, exported in `format` ("json", "quotes-csv",
   * "entities-csv", "values-csv", "brat", "conll", "html") and named after `name`:
   * a promise of [{name, content}], computed by the core.
   */
  exportFiles(text, edits, format, name) {
    return this.call({ type: "export", text, edits, format, name });
  }

  /** A JSON export read back: a promise of {text, edits}; rejects with the core's reason. */
  importJson(json) {
    return this.call({ type: "import", json });
  }

  /** Stops the annotation in flight and drops the queued one; the worker is replaced at once. */
  cancel() {
    this.pending = null;
    if (this.inFlight) this.restart();
  }
}
