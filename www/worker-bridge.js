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
   * callbacks: onReady() once the module is compiled, onInfo(info) once, onResult(id, doc, ms),
   * onProgress(id, {stage, done, total}), onError(id, message), onFailed(message) if the WASM
   * cannot be loaded at all.
   */
  constructor(callbacks) {
    this.cb = callbacks;
    this.nextId = 1;
    this.inFlight = null; // {id, text}
    this.pending = null; // {id, text}
    this.parts = null; // {id, arrays: {key: [slices]}} of the result arriving
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
        this.cb.onResult?.(msg.id, doc, msg.ms);
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
    this.worker.postMessage({ type: "annotate", id: this.inFlight.id, text: this.inFlight.text });
  }

  /** Queues `text` for annotation and returns the request id its result will carry. */
  annotate(text) {
    const id = this.nextId++;
    this.pending = { id, text };
    if (this.inFlight && this.inFlight.text.length > RESTART_ABOVE) this.restart();
    this.pump();
    return id;
  }

  /** Stops the annotation in flight and drops the queued one; the worker is replaced at once. */
  cancel() {
    this.pending = null;
    if (this.inFlight) this.restart();
  }
}
