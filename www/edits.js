// The reader's corrections as the page keeps them: the edit list, undo/redo, and persistence.
//
// Why a list of records and not patched results: the core applies the list
// (`annotate_with_edits`) and recomputes groups, names, speakers and salience, so the page only
// decides *which* records exist. This module owns that list. Each user action (which may add
// several records, e.g. a type change for every mention of a group) is one undo step; undo and
// redo swap whole lists, which are small.
//
// Persistence: per article, in localStorage, keyed by a hash of the article's text (several
// articles, least recently used dropped first). When the reader edits the text the core
// re-anchors the list; the list it reports as applied becomes the list kept, under the new
// text's hash, and the records it could not place are kept aside as "dropped" (with the reason)
// until the reader dismisses them, so nothing is lost silently. Storage can be unavailable:
// every access is guarded, and the page works without it.

const KEY = "loupe.edits.v1";
/** Articles whose corrections are kept. */
const MAX_ARTICLES = 30;

/**
 * Longest article whose corrections are saved (UTF-16 units): as for the text itself
 * (storage.js), a longer one is not kept across reloads, so its key is not worth hashing.
 */
const MAX_KEYED = 2_000_000;

let memo = { text: null, key: null };

/** A short hash of `text` (FNV-1a over UTF-16 units, 2 × 32 bits, and the length). */
export function textKey(text) {
  if (text === memo.text) return memo.key; // asked again for the same text: a compare, not a hash
  const key = hash(text);
  memo = { text, key };
  return key;
}

function hash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${text.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

function readStore() {
  try {
    const raw = window.localStorage.getItem(KEY);
    const data = raw ? JSON.parse(raw) : null;
    return data && typeof data === "object" && !Array.isArray(data) ? data : {};
  } catch {
    return {};
  }
}

function writeStore(data) {
  try {
    const keys = Object.keys(data);
    if (keys.length > MAX_ARTICLES) {
      keys.sort((x, y) => (data[y].at || 0) - (data[x].at || 0));
      for (const k of keys.slice(MAX_ARTICLES)) delete data[k];
    }
    if (Object.keys(data).length) window.localStorage.setItem(KEY, JSON.stringify(data));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Full or blocked storage: the corrections stay for this visit only.
  }
}

/** An edit record is an object with a string `kind`; anything else read from storage is ignored. */
const isRecord = (r) => r && typeof r === "object" && typeof r.kind === "string";

/** The corrections saved for `text`: {edits, dropped} (empty lists when there are none). */
export function loadFor(text) {
  const entry = text && text.length <= MAX_KEYED ? readStore()[textKey(text)] : null;
  const list = (x) => (Array.isArray(x) ? x : []);
  return {
    edits: list(entry && entry.edits).filter(isRecord),
    dropped: list(entry && entry.dropped).filter((d) => d && isRecord(d.edit)),
  };
}

/**
 * Saves `edits` and `dropped` for `text` (both empty: forgets the article), and forgets the
 * entry `moved` (the key the list was saved under before the text was edited), if given.
 * Returns the key saved under.
 */
function saveFor(text, edits, dropped, moved = null) {
  const key = text && text.length <= MAX_KEYED ? textKey(text) : null;
  const data = readStore();
  if (moved && moved !== key) delete data[moved];
  if (key && (edits.length || dropped.length)) data[key] = { edits, dropped, at: Date.now() };
  else if (key) delete data[key];
  writeStore(data);
  return key;
}

/**
 * The edit list of the article shown, with undo and redo. `onChange(reason)` is called after
 * every change ("edit", "undo", "redo", "load", "adopt", "dismiss"); `list` is never mutated in
 * place, so a list handed out stays what it was.
 */
export class EditList {
  constructor(onChange = () => {}) {
    this.onChange = onChange;
    this.list = [];
    this.dropped = []; // [{reason, edit}] the core could not place, until dismissed
    this.undoStack = [];
    this.redoStack = [];
    this.savedKey = null; // the key of the article the list was last saved under
  }

  /** Saves the list for `text`; `moving`: the text is the same article edited (forget the old key). */
  save(text, moving) {
    this.savedKey = saveFor(text, this.list, this.dropped, moving ? this.savedKey : null);
  }

  /** Saves the list under the key it was last saved under (after a correction, undo or redo). */
  persist() {
    if (!this.savedKey) return;
    const data = readStore();
    if (this.list.length || this.dropped.length) data[this.savedKey] = { edits: this.list, dropped: this.dropped, at: Date.now() };
    else delete data[this.savedKey];
    writeStore(data);
  }

  /**
   * The reader changed the article's text: the list goes with it (saved under the new text, so
   * a reload before the next annotation keeps it; the core re-anchors it on the next run).
   */
  carryTo(text) {
    this.save(text, true);
  }

  /** The list as a string: what the page compares to know whether a result is current. */
  get key() {
    return JSON.stringify(this.list);
  }

  get canUndo() {
    return this.undoStack.length > 0;
  }

  get canRedo() {
    return this.redoStack.length > 0;
  }

  /** One correction (a record, or several records made by one action), as one undo step. */
  add(records) {
    const more = Array.isArray(records) ? records : [records];
    if (!more.length) return;
    this.undoStack.push(this.list);
    this.redoStack = [];
    this.list = [...this.list, ...more];
    this.persist();
    this.onChange("edit");
  }

  /** Takes the record at `k` out (an undo step, like any correction). */
  removeAt(k) {
    if (k < 0 || k >= this.list.length) return;
    this.undoStack.push(this.list);
    this.redoStack = [];
    this.list = this.list.filter((_, i) => i !== k);
    this.persist();
    this.onChange("edit");
  }

  undo() {
    if (!this.undoStack.length) return false;
    this.redoStack.push(this.list);
    this.list = this.undoStack.pop();
    this.persist();
    this.onChange("undo");
    return true;
  }

  redo() {
    if (!this.redoStack.length) return false;
    this.undoStack.push(this.list);
    this.list = this.redoStack.pop();
    this.persist();
    this.onChange("redo");
    return true;
  }

  /** Starts over with the corrections saved for `text` (a new article: no undo history). */
  loadFor(text) {
    const saved = loadFor(text);
    this.reset(text, saved.edits, saved.dropped);
  }

  /** Starts over with `edits` for `text` (an imported article), saving them. */
  reset(text, edits, dropped = []) {
    this.list = edits;
    this.dropped = dropped;
    this.undoStack = [];
    this.redoStack = [];
    this.save(text, false);
    this.onChange("load");
  }

  /**
   * Takes what the core made of the list sent with `text`: `report.applied` (the edits placed
   * on this text, with context) becomes the list kept; `report.dropped` ({index, reason, edit})
   * joins the dropped ones the reader is shown. Saved under `text`.
   */
  adopt(text, report) {
    const applied = report && Array.isArray(report.applied) ? report.applied : this.list;
    const dropped = report && Array.isArray(report.dropped) ? report.dropped : [];
    this.list = applied;
    if (dropped.length) this.dropped = [...this.dropped, ...dropped.map((d) => ({ reason: String(d.reason), edit: d.edit }))];
    this.save(text, true);
    this.onChange("adopt");
  }

  /** Puts dropped correction `k` back in the list (one undo step), to be placed again. */
  retry(k) {
    const d = this.dropped[k];
    if (!d) return;
    this.dropped = this.dropped.filter((_, i) => i !== k);
    this.add(d.edit);
  }

  /**
   * Sets the whole list aside as dropped with `reason` (the core refused it: a record saved by
   * another version, or edited by hand), so the article can be annotated without it.
   */
  setAside(reason) {
    this.dropped = [...this.dropped, ...this.list.map((edit) => ({ reason, edit }))];
    this.list = [];
    this.undoStack = [];
    this.redoStack = [];
    this.persist();
    this.onChange("load");
  }

  /** Forgets the dropped corrections (the reader has seen them). */
  dismissDropped() {
    this.dropped = [];
    this.persist();
    this.onChange("dismiss");
  }
}

const LABEL_NAMES = { PER: "Person", ORG: "Organisation", LOC: "Place", MISC: "Other name" };

/** `s` in quotation marks, shortened to `n` characters (a quotation keeps its own marks). */
function quoted(s, n = 60) {
  const flat = String(s || "").replace(/\s+/g, " ").trim();
  const short = flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
  const own = /^["“‘'«„]/.test(flat) && /["”’'»“]$/.test(flat);
  return own ? short : `“${short}”`;
}

/** A correction in a few words, for the list of corrections and the dropped notice. */
export function describe(r) {
  const at = quoted(r.text);
  const label = LABEL_NAMES[r.label] || r.label;
  switch (r.kind) {
    case "add_entity":
      return `${at} marked as ${label}`;
    case "set_label":
      return `${at} is ${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
    case "remove_entity":
      return `${at} is no entity`;
    case "split_entity":
      return `${at} split off its group`;
    case "merge_groups":
      return `${at} same as ${quoted(r.with && r.with.text)}`;
    case "set_speaker":
      return r.speaker ? `Quotation ${quoted(r.text, 40)} said by ${quoted(r.speaker.text, 30)}` : `Quotation ${quoted(r.text, 40)} said by nobody`;
    case "remove_quote":
      return `${quoted(r.text, 40)} is no quotation`;
    case "add_quote":
      return `${quoted(r.text, 40)} marked as a quotation${r.speaker ? ` by ${quoted(r.speaker.text, 30)}` : ""}`;
    default:
      return `${r.kind} ${at}`;
  }
}
