// The main thread's side of the annotator worker.
//
// Only the latest text matters: while one annotation runs, newer requests replace each other in
// a one-slot queue. A WASM call cannot be interrupted, so when a long text is still being
// annotated and the user has already changed it, the worker is terminated and a fresh one
// started rather than waiting for a result nobody wants. Results carry the request id, so the
// caller can tell a stale one from the current one.

/** Texts longer than this are worth a worker restart when they become stale (UTF-16 units). */
const RESTART_ABOVE = 20000;

export class Annotator {
  /**
   * callbacks: onReady(info) once, onResult(id, doc, ms), onError(id, message),
   * onFailed(message) if the WASM cannot be loaded at all.
   */
  constructor(callbacks) {
    this.cb = callbacks;
    this.nextId = 1;
    this.inFlight = null; // {id, text}
    this.pending = null; // {id, text}
    this.announced = false;
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
    this.start();
  }

  onMessage(msg) {
    if (!msg) return;
    if (msg.type === "ready") {
      if (!this.announced) {
        this.announced = true;
        this.cb.onReady?.(msg.info);
      }
    } else if (msg.type === "failed") {
      this.cb.onFailed?.(msg.message);
    } else if (msg.type === "result" || msg.type === "error") {
      if (!this.inFlight || this.inFlight.id !== msg.id) return;
      this.inFlight = null;
      if (msg.type === "result") this.cb.onResult?.(msg.id, msg.doc, msg.ms);
      else {
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
}
