// The Export menu: downloads, clipboard copies, and importing a JSON export back.
//
// Why a module of its own: every file is made by the Rust core (the worker's `export_files`, the
// same code as `loupe annotate --format`), so what is left for the page is plumbing — a menu
// that works with the keyboard, names for the files, handing them to the browser as downloads
// (a Blob and an object URL: nothing leaves the page), putting one on the clipboard, and reading
// an export back through the core's `import_json`. Keeping it here keeps app.js a controller.

/** What the status line calls each format. */
const WHAT = {
  json: "JSON",
  "quotes-csv": "“who said what” CSV",
  "quotes-tsv": "quotations table",
  "entities-csv": "entity groups CSV",
  "values-csv": "numbers & dates CSV",
  brat: "brat files",
  conll: "CoNLL file",
  html: "HTML report",
};

/** Media types by file extension, so the browser labels and opens downloads correctly. */
const TYPES = {
  json: "application/json",
  csv: "text/csv",
  txt: "text/plain",
  ann: "text/plain",
  conf: "text/plain",
  conll: "text/plain",
  html: "text/html",
};

/** Largest export file we read back (UTF-16 units of JSON): the article limit plus its annotation. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * A file name stem from the article's first words: "harbour-council-saves-the-night-ferry",
 * or "article" when the text has no letters or digits.
 */
export function fileStem(text) {
  const words = (text.slice(0, 400).match(/[\p{L}\p{N}]+/gu) || []).slice(0, 6);
  const chars = Array.from(words.join("-").toLowerCase());
  let stem = chars.slice(0, 48).join("");
  if (chars.length > 48 && stem.includes("-")) stem = stem.slice(0, stem.lastIndexOf("-")); // whole words
  return stem || "article";
}

/** Hands `file` ({name, content}) to the browser as a download. */
function download(file) {
  const ext = file.name.slice(file.name.lastIndexOf(".") + 1);
  const type = `${TYPES[ext] || "text/plain"};charset=utf-8`;
  const url = URL.createObjectURL(new Blob([file.content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the time this runs; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts `text` on the clipboard: the async Clipboard API, else the old `execCommand("copy")`
 * on an off-screen textarea (pages served over plain http on a LAN address have no
 * `navigator.clipboard`). Resolves true if either worked.
 */
export async function copyText(text) {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // blocked (no permission, page not focused): try the fallback
  }
  const back = document.activeElement;
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  area.className = "offscreen";
  area.setAttribute("aria-hidden", "true");
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  if (back && back.focus) back.focus({ preventScroll: true });
  return ok;
}

/** "a.txt", "a.txt and b.ann", "a.txt, b.ann and c.conf". */
function listNames(files) {
  const names = files.map((f) => f.name);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Makes a menu button: `button` (aria-haspopup, aria-expanded) opens `menu` (role=menu, items
 * role=menuitem). Arrow keys, Home and End move through the items, Escape closes and returns
 * to the button, Tab and a click outside close it. `onItem(item)` runs for the chosen item.
 */
export function wireMenu(button, menu, onItem) {
  const items = () => [...menu.querySelectorAll('[role="menuitem"]:not([disabled])')];
  const isOpen = () => !menu.hidden;
  const open = (which) => {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    const all = items();
    const target = which === "last" ? all[all.length - 1] : all[0];
    if (target) target.focus();
  };
  const close = (refocus) => {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (refocus) button.focus();
  };
  for (const item of menu.querySelectorAll('[role="menuitem"]')) item.tabIndex = -1;
  button.addEventListener("click", () => (isOpen() ? close(false) : open("first")));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      open(event.key === "ArrowUp" ? "last" : "first");
    }
  });
  menu.addEventListener("keydown", (event) => {
    const all = items();
    const i = all.indexOf(document.activeElement);
    const move = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: all.length - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      all[(move + all.length) % all.length].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation(); // the page's own Escape (closing the panel) is not for this key
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  });
  menu.addEventListener("click", (event) => {
    const item = event.target.closest('[role="menuitem"]');
    if (!item || item.disabled) return;
    close(true);
    onItem(item);
  });
  document.addEventListener("pointerdown", (event) => {
    if (isOpen() && !menu.contains(event.target) && !button.contains(event.target)) close(false);
  });
  return { close };
}

/**
 * Wires the Export menu and the import file input.
 *
 * - `annotator`: the worker bridge (`exportFiles`, `importJson`);
 * - `article()`: the current `{text, edits}` (edits: the reader's corrections, UTF-16);
 * - `status(kind, message)`: the page's status line;
 * - `imported(text, edits, name)`: puts an imported article and its corrections in place.
 *
 * Returns `importFile(file)`, which the page's drop and "Open" handlers call for .json files.
 */
export function wireExport({ button, menu, importInput, annotator, article, status, imported }) {
  /** The files of `format` for the current article, or null (after saying why) when there is none. */
  async function files(format) {
    const { text, edits } = article();
    if (!text.trim()) {
      status("error", "Nothing to export yet: paste an article or try the sample first.");
      return null;
    }
    status("busy", `Preparing the ${WHAT[format]}…`);
    try {
      return await annotator.exportFiles(text, edits, format, fileStem(text));
    } catch (err) {
      status("error", `Could not make the ${WHAT[format]}: ${reason(err)}`);
      return null;
    }
  }

  async function exportAs(format) {
    const made = await files(format);
    if (!made) return;
    for (let i = 0; i < made.length; i++) {
      // Several files (brat) leave one at a time: browsers drop downloads started in one burst.
      if (i > 0) await pause(250);
      download(made[i]);
    }
    status("done", `Downloaded ${listNames(made)}.`);
  }

  async function copy(format) {
    const made = await files(format);
    if (!made) return;
    const what = format === "json" ? "The JSON export" : "The quotations table (tab-separated: it pastes into a spreadsheet as columns)";
    if (await copyText(made[0].content)) status("done", `${what} is on the clipboard.`);
    else status("error", `Could not reach the clipboard (the browser refused). Use Export → ${format === "json" ? "JSON" : "CSV: who said what"} to download it instead.`);
  }

  wireMenu(button, menu, (item) => {
    if (item.dataset.format) exportAs(item.dataset.format);
    else if (item.dataset.copy) copy(item.dataset.copy);
    else if (item.dataset.action === "import") importInput.click();
  });

  /** Reads a JSON export back: the core checks it; the page restores its article and edits. */
  async function importFile(file) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      status("error", `“${file.name}” is too large to be a Loupe export of an article this page can open.`);
      return;
    }
    status("busy", `Reading “${file.name}”…`);
    let result;
    try {
      result = await annotator.importJson(await file.text());
    } catch (err) {
      status("error", `Could not import “${file.name}”: ${reason(err)}. Open a .json file made by Loupe’s Export → JSON.`);
      return;
    }
    imported(result.text, result.edits, file.name);
  }

  importInput.addEventListener("change", () => {
    importFile(importInput.files[0]);
    importInput.value = "";
  });
  return { importFile };
}

/** The message of a failed call, without the core's "loupe: " prefix. */
function reason(err) {
  const message = String(err && err.message ? err.message : err);
  return message.replace(/^loupe:\s*/, "");
}

/** True for files that look like a JSON export rather than a plain-text article. */
export function isJsonFile(file) {
  return /\.json$/i.test(file.name) || file.type === "application/json";
}
