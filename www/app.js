// The page's controller: wires the input, the annotator worker, the reading view, the panel
// and the lists together, and owns the little state there is (the current text, its
// annotation, what is selected).
//
// Flow: text changes (paste, typing pause, file, sample) → the worker annotates → if the text
// is still the same, the display index is built and the reading view rendered → clicks on
// entities, quotes and list entries open the panel. Nothing leaves the page; the text is kept
// in localStorage so it survives a reload.

import { Annotator } from "./worker-bridge.js";
import { buildIndexInSlices } from "./model.js";
import { render } from "./render.js";
import { groupPanel, quotePanel, revealAboveSheet, valuePanel } from "./panel.js";
import { filterLists, renderEntityList, renderQuoteList, renderValueList, wireEntitySearch, wireLegend } from "./lists.js";
import { VALUE_LABELS } from "./model.js";
import { loadText, saveText } from "./storage.js";
import { SAMPLE } from "./sample.js";
import { keepOffline } from "./offline.js";
import { EditList } from "./edits.js";
import { wireCorrections } from "./correct.js";
import { isJsonFile, wireExport } from "./export.js";
import { wireReplace } from "./replace.js";

const TYPING_PAUSE_MS = 800;
const BUSY_AFTER_MS = 120;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

const $ = (id) => document.getElementById(id);
const input = $("input");
const editor = $("editor");
const reading = $("reading");
const panel = $("panel");
const panelTitle = $("panel-title");
const panelBody = $("panel-body");
const lists = $("lists");
const statusBox = $("status");
const statusText = $("status-text");
const editButton = $("edit");
const readButton = $("read");
const progressBox = $("progress-box");
const progressBar = $("progress");
const progressLabel = $("progress-label");
const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

const state = {
  latestId: 0, // id of the newest annotation request
  requestedText: null, // the text that request carries
  requestedEdits: null, // and the edit list (as `editList.key`)
  /** The reader's corrections (edit records, UTF-16 offsets) for the current text. */
  get edits() {
    return editList.list;
  },
  /** Replaces them (an imported article's, set after its text): no undo history, re-annotates. */
  set edits(list) {
    editList.reset(input.value, Array.isArray(list) ? list : []);
    requestAnnotation(true);
  },
  working: false, // true from a request until its result is drawn
  shown: null, // {text, index, refs, edits} of what the reading view shows (edits: the list's key)
  renderToken: 0,
  selection: null, // {kind: "group", gi, pos} | {kind: "quote", qi}
  opener: null, // element focus returns to when the panel closes
  lit: [], // [element, class] highlights to undo
  hidden: new Set(),
  typingTimer: 0,
  busyTimer: 0,
  busySince: 0,
  busyLength: 0,
  step: "", // what the progress bar shows: a core stage or "drawing"
  saveTimer: 0,
  selectionBeforeRead: [0, 0],
  reveal: false, // show the reading view when the result comes, even if the textarea has focus
};

// ---------------------------------------------------------------------------------------------
// Status line

function setStatus(kind, message) {
  statusBox.dataset.kind = kind;
  statusText.textContent = message;
  document.body.dataset.state = kind;
}

function formatSize(units) {
  if (units < 10000) return `${units} characters`;
  if (units < 1e6) return `${Math.round(units / 1000)} k characters`;
  return `${(units / 1e6).toFixed(1)} M characters`;
}

/** The steps a long text goes through, as the core's progress names them, then drawing. */
const STEPS = {
  text: "reading the text",
  entities: "finding names",
  quotes: "finding quotations",
  clusters: "grouping mentions",
  drawing: "drawing highlights",
};
const STEP_ORDER = Object.keys(STEPS);

/**
 * Shows where annotation is: the status line (a live region) and the bar's label change only
 * when the step does, the bar (determinate: an animated one would repaint every frame) as
 * progress arrives. Text stays put otherwise: next to a pasted 10 MB text every repaint counts.
 */
function showStep(step, fraction) {
  if (step !== state.step) {
    state.step = step;
    setStatus("busy", `Annotating ${formatSize(state.busyLength)}: ${STEPS[step]}…`);
    progressLabel.textContent = `Step ${STEP_ORDER.indexOf(step) + 1} of ${STEP_ORDER.length}: ${STEPS[step]}`;
  }
  const value = Math.min(1, Math.max(0, fraction));
  if (progressBar.value !== value) progressBar.value = value;
}

function startBusy(length) {
  clearInterval(state.busyTimer);
  state.busySince = performance.now();
  state.busyLength = length;
  state.step = "";
  document.getElementById("article").setAttribute("aria-busy", "true");
  // Short texts come back before a spinner would be noticed; long ones say so at once, with a
  // progress bar the core's progress moves, and a Cancel button.
  if (length > 20000) {
    progressBox.hidden = false;
    showStep("text", 0);
    return;
  }
  const tick = () => {
    const s = (performance.now() - state.busySince) / 1000;
    setStatus("busy", `Annotating ${formatSize(length)}${s >= 1 ? ` · ${s.toFixed(0)} s` : "…"}`);
  };
  state.busyTimer = setInterval(tick, 1000);
  setTimeout(() => state.busySince && tick(), BUSY_AFTER_MS);
}

function stopBusy() {
  clearInterval(state.busyTimer);
  state.busySince = 0;
  state.step = "";
  progressBox.hidden = true;
  document.getElementById("article").removeAttribute("aria-busy");
}

/** Cancel: the worker is replaced (a WASM call cannot be interrupted), the text stays. */
function cancelAnnotation() {
  if (!state.working) return;
  annotator.cancel();
  state.renderToken++; // stops drawing too, if it had begun
  // This very request (text and corrections) may be drawn already while its lists are still
  // being built: that view is unfinished too. A finished view of an earlier request stays.
  const unfinished =
    !state.shown || (state.shown.text === state.requestedText && state.shown.edits === state.requestedEdits);
  state.working = false;
  state.requestedText = null;
  clearTimeout(state.typingTimer);
  stopBusy();
  if (!reading.hidden && unfinished) {
    state.shown = null;
    reading.replaceChildren();
    showEditor();
  }
  readButton.hidden = false;
  setStatus("cancelled", "Annotation cancelled. Your text is kept: edit it or press “Show annotations” to start again.");
}

// ---------------------------------------------------------------------------------------------
// Annotation requests and results

const annotator = new Annotator({
  onReady() {
    performance.mark("loupe-ready");
    document.documentElement.dataset.ready = "true";
    if (!state.busySince) setStatus("idle", input.value ? "Ready." : "Ready. Paste an article or try the sample.");
    keepOffline($("update"), $("update-now"));
  },
  onInfo(info) {
    showInfo(info);
  },
  onProgress(id, p) {
    if (id !== state.latestId || !state.busySince || state.busyLength <= 20000) return;
    showStep(p.stage in STEPS ? p.stage : "entities", p.total > 0 ? p.done / p.total : 0);
  },
  onFailed(message) {
    state.working = false;
    stopBusy();
    setStatus("error", message);
  },
  onError(id, message) {
    if (id !== state.latestId) return;
    state.working = false;
    stopBusy();
    if (/edit list/.test(message) && editList.list.length) {
      // The core refused the saved corrections: keep them aside (listed) and annotate without.
      // (After this callback: the bridge replaces the worker first.)
      editList.setAside(message.replace(/^loupe: /, ""));
      setTimeout(() => requestAnnotation(true), 0);
      return;
    }
    setStatus("error", `Annotation failed: ${message}`);
  },
  onResult(id, doc, ms, report) {
    if (id !== state.latestId) return; // a newer request is on its way
    if (state.requestedText !== input.value) {
      // The text changed and no newer request was made yet (it was emptied, or the typing
      // pause is still running): drop the result, and let the next request go out.
      state.working = false;
      return;
    }
    // The edits as the core placed them on this text become the list kept (see edits.js).
    editList.adopt(state.requestedText, report);
    show(state.requestedText, doc, ms, editList.key);
  },
});

/** The footer's small print: the version, and which model finds the names (its card says more). */
function showInfo(info) {
  const parts = [`${info.name || "loupe"} ${info.version || ""}`.trim()];
  const m = info.model && typeof info.model === "object" ? info.model : null;
  if (m) parts.push(`names model ${m.name || "?"} ${m.version || ""}`.trim());
  $("about").textContent = parts.join(" · ");
}

/** Asks for an annotation of the textarea's text (after a typing pause unless `now`). */
function requestAnnotation(now) {
  clearTimeout(state.typingTimer);
  const go = () => {
    const text = input.value;
    const edits = editList.key;
    if (state.shown && state.shown.text === text && state.shown.edits === edits) {
      if (mayReveal(text)) showReading();
      return;
    }
    if (state.working && state.requestedText === text && state.requestedEdits === edits) return; // already being annotated or drawn
    if (!text.trim()) {
      stopBusy();
      setStatus("idle", "Paste an article or try the sample.");
      return;
    }
    state.requestedText = text;
    state.requestedEdits = edits;
    state.working = true;
    state.latestId = annotator.annotate(text, editList.list);
    startBusy(text.length);
  };
  if (now) go();
  else state.typingTimer = setTimeout(go, TYPING_PAUSE_MS);
}

async function show(text, doc, ms, edits) {
  const token = ++state.renderToken;
  stopBusy();
  if (text.length > 20000) {
    state.busySince = performance.now(); // still busy: drawing
    progressBox.hidden = false;
    showStep("drawing", 0);
  }
  closePanel(false);
  // Built in slices: a 10 MB article has ~10^5 entities, too many to index in one task.
  const index = await buildIndexInSlices(text, doc, { isCancelled: () => token !== state.renderToken });
  if (!index) return;
  // Show the reading view before drawing into it, so each slice lays out only what it adds.
  state.shown = null;
  if (mayReveal(text)) showReading(true);
  const refs = await render(reading, index, {
    isCancelled: () => token !== state.renderToken,
    onProgress: (f) => {
      if (text.length > 20000 && token === state.renderToken) showStep("drawing", f);
    },
    speakerName: (qi) => {
      const g = index.groupOfQuote[qi];
      if (g >= 0) return index.groups[g].name;
      const q = index.quotes[qi];
      return q && q.speaker ? q.speaker.text : "";
    },
  });
  if (!refs || token !== state.renderToken) return;
  // A long text's last steps each take tens of milliseconds: one task each.
  const pause = () => (text.length > 20000 ? new Promise((resolve) => setTimeout(resolve, 0)) : null);
  state.shown = { text, index, refs, edits };
  applyFilters();
  await pause();
  if (token !== state.renderToken) return;
  renderEntityList($("entity-list"), index, (gi) => openGroup(gi, { scrollFirst: true }));
  await pause();
  if (token !== state.renderToken) return;
  renderQuoteList($("quote-list"), index, (qi) => openQuote(qi));
  await pause();
  if (token !== state.renderToken) return;
  renderValueList($("value-list"), index, (vi) => openValue(vi));
  state.working = false;
  stopBusy();
  lists.inert = false;
  lists.classList.remove("stale");
  const ents = index.entities.filter(Boolean).length;
  const quotes = index.quotes.filter(Boolean).length;
  const values = index.valueOrder.length;
  document.body.dataset.annotateMs = ms.toFixed(2);
  document.body.dataset.current = String(input.value === text);
  if (reading.hidden && mayReveal(text)) showReading(); // the reader left the textarea meanwhile
  if (reading.hidden) readButton.hidden = input.value !== text; // "Edit" was pressed meanwhile
  corrections.afterShow();
  const hint = reading.hidden && input.value === text ? SHOW_HINT : "";
  setStatus("done", `${ents} entit${ents === 1 ? "y" : "ies"} · ${index.groups.length} distinct · ${quotes} quotation${quotes === 1 ? "" : "s"} · ${values} date${values === 1 ? "" : "s"} & number${values === 1 ? "" : "s"} · ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms${hint}`);
}

/** Ends the status line while the highlights wait behind a focused textarea. */
const SHOW_HINT = " · press Esc or “Show annotations” to see them";

/**
 * Whether the result for `text` may replace the editor with the reading view: only when it is
 * still the text, and the reader is not typing in it (a switch would move focus and lose the
 * next keystrokes) unless they asked (Esc, a whole-article paste).
 */
function mayReveal(text) {
  return input.value === text && (document.activeElement !== input || state.reveal);
}

// ---------------------------------------------------------------------------------------------
// Edit and read modes

function showReading(drawing = false) {
  if (!drawing && (!state.shown || state.shown.text !== input.value)) return;
  state.reveal = false;
  if (statusText.textContent.endsWith(SHOW_HINT)) statusText.textContent = statusText.textContent.slice(0, -SHOW_HINT.length);
  const hadFocus = document.activeElement === input;
  state.selectionBeforeRead = [input.selectionStart, input.selectionEnd];
  if (hadFocus) input.blur();
  editor.hidden = true;
  reading.hidden = false;
  editButton.hidden = false;
  readButton.hidden = true;
  // Focus must not stay on the hidden textarea. Moving it forces a synchronous layout, which on
  // a long article costs seconds before the browser has found which paragraphs are off-screen
  // (content-visibility); after a frame it is cheap.
  if (hadFocus) requestAnimationFrame(() => setTimeout(() => editButton.focus({ preventScroll: true }), 0));
}

function showEditor() {
  closePanel(false);
  reading.hidden = true;
  editor.hidden = false;
  editButton.hidden = true;
  readButton.hidden = !(state.shown && state.shown.text === input.value);
  input.focus({ preventScroll: true });
  const [a, b] = state.selectionBeforeRead;
  input.setSelectionRange(a, b);
}

/** Replaces the text (sample, file, drop) and annotates it at once. */
function setText(text) {
  input.value = text;
  editList.loadFor(text); // a new article: its own corrections, if it had some
  onTextChanged();
  requestAnnotation(true);
  state.selectionBeforeRead = [0, 0];
}

function onTextChanged() {
  clearTimeout(state.saveTimer);
  state.saveTimer = setTimeout(() => {
    saveText(input.value);
    if (input.value) editList.carryTo(input.value);
  }, 300);
  const current = Boolean(state.shown && state.shown.text === input.value);
  document.body.dataset.current = String(current);
  lists.inert = !current;
  lists.classList.toggle("stale", !current);
  readButton.hidden = !current || !reading.hidden;
}

// A paste or drop over the whole text (or into an empty box) is a new article, not an edit of
// this one: it gets its own corrections instead of carrying these over, and shows when
// annotated. Anything else is editing: annotate in the background, and show the highlights only
// when the reader leaves the textarea or presses Esc.
let replacesAll = null;
input.addEventListener("beforeinput", (event) => {
  const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  state.replacing = (event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop") && whole;
  replacesAll = !input.value || whole;
});
input.addEventListener("input", (event) => {
  if (state.replacing) editList.loadFor(input.value);
  state.replacing = false;
  onTextChanged();
  const pasted = event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop";
  state.reveal = pasted && replacesAll !== false; // no beforeinput: the value was set whole
  replacesAll = null;
  requestAnnotation(pasted);
});
input.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || event.isComposing || !input.value.trim()) return;
  state.reveal = true;
  requestAnnotation(true);
});
input.addEventListener("focusout", () => {
  // After focus has moved (and not when the whole window lost it): leaving shows the highlights.
  setTimeout(() => {
    if (document.activeElement !== input && !editor.hidden && input.value.trim()) requestAnnotation(true);
  }, 0);
});
editButton.addEventListener("click", showEditor);
readButton.addEventListener("click", () => requestAnnotation(true));
$("sample").addEventListener("click", () => replacer.replace(SAMPLE));
$("new").addEventListener("click", () => {
  replacer.replace("");
  setStatus("idle", "New article: paste or type it here.");
});
$("cancel").addEventListener("click", cancelAnnotation);

async function loadFile(file) {
  if (!file) return;
  if (isJsonFile(file)) return exporter.importFile(file);
  const plain = file.type.startsWith("text/") || /\.(txt|text|md)$/i.test(file.name) || file.type === "";
  if (!plain) {
    setStatus("error", `“${file.name}” is not a plain-text file. Save the article as .txt and drop it again.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    setStatus("error", `“${file.name}” is larger than 20 MB; split it into smaller files.`);
    return;
  }
  setText(await file.text());
}

$("file").addEventListener("change", (event) => {
  loadFile(event.target.files[0]);
  event.target.value = "";
});
// A file dropped anywhere on the page is read locally; the browser must not navigate to it.
window.addEventListener("dragover", (event) => {
  if (event.dataTransfer && [...event.dataTransfer.types].includes("Files")) {
    event.preventDefault();
    document.body.classList.add("dropping");
  }
});
window.addEventListener("dragleave", () => document.body.classList.remove("dropping"));
window.addEventListener("drop", (event) => {
  document.body.classList.remove("dropping");
  if (event.dataTransfer && event.dataTransfer.files.length) {
    event.preventDefault();
    loadFile(event.dataTransfer.files[0]);
  }
});
window.addEventListener("pagehide", () => {
  saveText(input.value);
  if (input.value) editList.carryTo(input.value);
});

// ---------------------------------------------------------------------------------------------
// Replacing the article (New, sample, import, paste in the reading view) and exports

/** Puts `text` with its corrections in place and annotates it ("" empties the page): `edits`
 * given (an import, an undone replacement) or, when null, the article's own saved list. */
function putArticle(text, edits = null) {
  if (state.shown && state.shown.text === text) state.shown = null; // same text, other edits: redo
  state.reveal = Boolean(text); // a whole new article: show it once annotated
  if (text) {
    setText(text);
    if (Array.isArray(edits)) state.edits = edits; // after the text: the list belongs to it
    return;
  }
  input.value = "";
  editList.reset("", []);
  onTextChanged();
  requestAnnotation(true);
  state.selectionBeforeRead = [0, 0];
  showEditor();
}

const article = () => ({ text: input.value, edits: state.edits ?? [] });
const replacer = wireReplace({
  article,
  put: putArticle,
  bar: $("restore"),
  barText: $("restore-text"),
  undoButton: $("restore-undo"),
  forgetButton: $("restore-forget"),
  reading,
  dialog: $("paste-dialog"),
  dialogText: $("paste-text"),
  confirmButton: $("paste-replace"),
  cancelButton: $("paste-cancel"),
});
const exporter = wireExport({
  button: $("export"),
  menu: $("export-menu"),
  importInput: $("import-file"),
  annotator,
  article,
  status: setStatus,
  imported: (text, edits) => replacer.replace(text, edits),
});

// ---------------------------------------------------------------------------------------------
// Highlights, panel and navigation

function light(elements, cls) {
  for (const el of elements || []) {
    el.classList.add(cls);
    state.lit.push([el, cls]);
  }
}

function unlight() {
  for (const [el, cls] of state.lit) el.classList.remove(cls);
  state.lit = [];
}

const narrow = window.matchMedia("(max-width: 760px)");

/** Brings `el` into view: centred on wide screens, in the room above the bottom sheet on narrow ones. */
function scrollTo(el) {
  if (!el) return;
  if (narrow.matches) revealAboveSheet(el, panel, { smooth: !reduceMotion.matches });
  else el.scrollIntoView({ block: "center", inline: "nearest", behavior: reduceMotion.matches ? "auto" : "smooth" });
}

function openPanel(opener) {
  const active = opener || document.activeElement;
  if (panel.hidden || !panel.contains(active)) {
    if (active && !panel.contains(active) && active !== document.body) state.opener = active;
  }
  panel.hidden = false;
  document.documentElement.classList.add("panel-open");
}

function closePanel(returnFocus = true) {
  if (panel.hidden) return;
  panel.hidden = true;
  document.documentElement.classList.remove("panel-open");
  unlight();
  state.selection = null;
  if (returnFocus) {
    const back = state.opener;
    if (back && back.isConnected && back.offsetParent !== null) back.focus({ preventScroll: false });
    else if (!reading.hidden) reading.focus();
  }
  state.opener = null;
}

/**
 * Opens group `gi` in the panel. `entity` picks the current mention (else `pos`); the current
 * mention is scrolled to when `scroll`, and focus goes to the panel title or, with
 * `focusMention`, to the mention itself.
 */
function openGroup(gi, { entity = -1, pos = 0, opener = null, focusMention = false, scroll = true, scrollFirst = false } = {}) {
  const shown = state.shown;
  if (!shown || gi < 0 || gi >= shown.index.groups.length) return;
  if (reading.hidden) showReading();
  const g = shown.index.groups[gi];
  if (entity >= 0 && g.mentions.includes(entity)) pos = g.mentions.indexOf(entity);
  pos = Math.max(0, Math.min(pos, g.mentions.length - 1));
  openPanel(opener);
  state.selection = { kind: "group", gi, pos };
  unlight();
  for (const m of g.mentions) light(shown.refs.entity.get(m), "in-group");
  const current = g.mentions[pos];
  light(shown.refs.entity.get(current), "is-current");
  groupPanel(panelTitle, panelBody, shown.index, gi, pos, {
    goMention: (_, p) => openGroup(gi, { pos: p, focusMention: true }),
    openGroup: (other, ent) => openGroup(other, { entity: ent, scrollFirst: true }),
    openQuote: (qi) => openQuote(qi),
  });
  corrections.entityTools(panelBody, shown.index, gi, pos);
  const head = shown.refs.head.get(current);
  // On a narrow screen the sheet may now cover the mention that was tapped: always reveal it.
  if (scroll || scrollFirst || narrow.matches) scrollTo(head);
  if (focusMention && head) head.focus({ preventScroll: true });
  else panelTitle.focus({ preventScroll: true });
}

function openQuote(qi, { opener = null } = {}) {
  const shown = state.shown;
  if (!shown || !shown.index.quotes[qi]) return;
  if (reading.hidden) showReading();
  const q = shown.index.quotes[qi];
  openPanel(opener);
  state.selection = { kind: "quote", qi };
  unlight();
  light(shown.refs.quote.get(qi), "is-current");
  if (q.speaker) light(shown.refs.mark.get(`${q.speaker.start}:${q.speaker.end}`), "is-speaker");
  if (q.cue) light(shown.refs.mark.get(`${q.cue.start}:${q.cue.end}`), "is-cue");
  quotePanel(panelTitle, panelBody, shown.index, qi, {
    openGroup: (gi) => {
      const mention = q.speaker ? shown.index.entityOrder.find((e) => shown.index.entities[e].start === q.speaker.start) : undefined;
      openGroup(gi, { entity: mention ?? -1, scrollFirst: true });
    },
    openQuote: (other) => openQuote(other),
    goSpeaker: () => {
      const marks = shown.refs.mark.get(`${q.speaker.start}:${q.speaker.end}`);
      if (marks) scrollTo(marks[0]);
    },
  });
  corrections.quoteTools(panelBody, shown.index, qi);
  const frags = shown.refs.quote.get(qi);
  if (frags) scrollTo(frags[0]);
  panelTitle.focus({ preventScroll: true });
}

/** Opens value `vi` (a date, amount or number) in the panel and scrolls to it. */
function openValue(vi, { opener = null } = {}) {
  const shown = state.shown;
  if (!shown || !shown.index.values[vi]) return;
  if (reading.hidden) showReading();
  openPanel(opener);
  state.selection = { kind: "value", vi };
  unlight();
  light(shown.refs.value.get(vi), "is-current");
  valuePanel(panelTitle, panelBody, shown.index, vi, { openValue: (other) => openValue(other) });
  const frags = shown.refs.value.get(vi);
  if (frags) scrollTo(frags[0]);
  panelTitle.focus({ preventScroll: true });
}

/** The legend group (WHEN, AMOUNT, NUMBER) that shows or hides value `vi`. */
function valueGroup(index, vi) {
  const v = index.values[vi];
  return v ? VALUE_LABELS[v.label].group : null;
}

$("panel-close").addEventListener("click", () => closePanel(true));

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !panel.hidden) {
    event.preventDefault();
    closePanel(true);
  }
});

/** What a click or Enter on the reading view means. */
function activate(target) {
  const shown = state.shown;
  if (!shown) return false;
  const chip = target.closest(".qchip");
  if (chip && !state.hidden.has("QUOTE")) {
    openQuote(Number(chip.dataset.q), { opener: chip });
    return true;
  }
  const ent = target.closest(".ent");
  if (ent) {
    const e = Number(ent.dataset.e);
    const label = shown.index.entities[e] && shown.index.entities[e].label;
    if (label && !state.hidden.has(label)) {
      openGroup(shown.index.groupOfEntity[e], { entity: e, opener: shown.refs.head.get(e), scroll: false });
      return true;
    }
  }
  const val = target.closest(".val");
  if (val) {
    const vi = Number(val.dataset.v);
    const group = valueGroup(shown.index, vi);
    if (group && !state.hidden.has(group)) {
      openValue(vi, { opener: shown.refs.valueHead.get(vi) });
      return true;
    }
  }
  const quote = target.closest(".quote");
  if (quote && !state.hidden.has("QUOTE")) {
    const qi = Number(quote.dataset.q);
    openQuote(qi, { opener: shown.refs.chip.get(qi) });
    return true;
  }
  return false;
}

reading.addEventListener("click", (event) => {
  const sel = window.getSelection();
  if (sel && !sel.isCollapsed && reading.contains(sel.anchorNode)) return; // selecting text
  activate(event.target);
});
reading.addEventListener("keydown", (event) => {
  const head = event.target.classList.contains("ent-head") || event.target.classList.contains("val-head");
  if ((event.key === "Enter" || event.key === " ") && head) {
    event.preventDefault();
    activate(event.target);
  }
});

// ---------------------------------------------------------------------------------------------
// Filters

function applyFilters() {
  filterLists(lists, state.hidden);
  const shown = state.shown;
  if (!shown) return;
  for (const [e, head] of shown.refs.head) {
    const want = state.hidden.has(shown.index.entities[e].label) ? -1 : 0;
    if (head.tabIndex !== want) head.tabIndex = want; // untouched elements need no restyle
  }
  for (const [vi, head] of shown.refs.valueHead) {
    const want = state.hidden.has(valueGroup(shown.index, vi)) ? -1 : 0;
    if (head.tabIndex !== want) head.tabIndex = want;
  }
  const sel = state.selection;
  if (sel && sel.kind === "group" && state.hidden.has(shown.index.groups[sel.gi].label)) closePanel(false);
  if (sel && sel.kind === "value" && state.hidden.has(valueGroup(shown.index, sel.vi))) closePanel(false);
  if (sel && sel.kind === "quote" && state.hidden.has("QUOTE")) closePanel(false);
}

wireEntitySearch($("entity-search"), $("entity-search-status"));

state.hidden = wireLegend($("legend"), reading, (hidden) => {
  state.hidden = hidden;
  applyFilters();
});

// ---------------------------------------------------------------------------------------------
// Corrections (edits.js keeps the list, correct.js draws the controls; the core applies them)

/** The panel's subject as a span: the current mention of a group, or a quotation. */
function selectedSpan() {
  const shown = state.shown;
  const sel = state.selection;
  if (!shown || !sel) return null;
  if (sel.kind === "group") {
    const e = shown.index.entities[shown.index.groups[sel.gi].mentions[sel.pos]];
    return e ? { kind: "entity", start: e.start, end: e.end } : null;
  }
  const q = sel.kind === "quote" ? shown.index.quotes[sel.qi] : null;
  return q ? { kind: "quote", start: q.start, end: q.end } : null;
}

/** The index of the range in `ranges` equal to [start, end), else the first overlapping it, else -1. */
function overlappingItem(ranges, start, end) {
  let best = -1;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i];
    if (!r || r.end <= start || r.start >= end) continue;
    if (r.start === start && r.end === end) return i;
    if (best < 0) best = i;
  }
  return best;
}

// (The list calls back only on changes, all made after `corrections` below exists.)
const editList = new EditList((why) => {
  corrections.refresh();
  if (why === "edit" || why === "undo" || why === "redo") requestAnnotation(true);
});

const corrections = wireCorrections({
  reading,
  bar: $("corrections"),
  edits: editList,
  shown: () => (state.shown && state.shown.text === input.value ? state.shown : null),
  selected: selectedSpan,
  openEntityAt(start, end) {
    const shown = state.shown;
    const e = shown ? overlappingItem(shown.index.entities, start, end) : -1;
    if (e < 0) return;
    // Scrolled to when out of sight, or on a narrow screen, where the bottom sheet covers it.
    const r = shown.refs.head.get(e)?.getBoundingClientRect();
    const inView = r && r.top >= 0 && r.bottom <= window.innerHeight;
    openGroup(shown.index.groupOfEntity[e], { entity: e, scroll: narrow.matches || !inView });
  },
  openQuoteAt(start, end) {
    const shown = state.shown;
    const qi = shown ? overlappingItem(shown.index.quotes, start, end) : -1;
    if (qi >= 0) openQuote(qi);
  },
});

// ---------------------------------------------------------------------------------------------
// Start

{
  const saved = loadText();
  if (saved) {
    input.value = saved;
    editList.loadFor(saved);
    requestAnnotation(true);
  }
}
