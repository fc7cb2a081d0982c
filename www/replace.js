// Replacing the article without losing the one before it.
//
// "New", "Try a sample", importing an export and pasting into the reading view all put a new
// article in place of the reader's. Before this module that article was gone (the saved copy
// was overwritten, and Ctrl+Z in a textarea cannot undo a programmatic change). Now the article
// replaced, with its corrections, is kept — in memory and in localStorage, so a reload keeps it
// too — and an "Undo" button beside the status line swaps it back (pressing it again swaps
// again: nothing is ever dropped by undoing). Storage failures are silent, as in storage.js.

const KEY = "loupe.previous.v1";

function loadPrevious() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) || "null");
    return saved && typeof saved.text === "string" && saved.text ? { text: saved.text, edits: Array.isArray(saved.edits) ? saved.edits : [] } : null;
  } catch {
    return null;
  }
}

function savePrevious(previous) {
  try {
    if (previous && previous.text.length <= 2_000_000) window.localStorage.setItem(KEY, JSON.stringify(previous));
    else window.localStorage.removeItem(KEY);
  } catch {
    // full or blocked: the in-memory copy still works until the page is closed
  }
}

/** The first words of `text`, for "Replaced “…”". */
function opening(text) {
  const words = text.trim().split(/\s+/).slice(0, 6).join(" ");
  return words.length > 48 ? `${Array.from(words).slice(0, 46).join("")}…` : words;
}

/**
 * The replacement controller.
 *
 * - `article()`: the current `{text, edits}`;
 * - `put(text, edits)`: shows `text` with `edits` (the page annotates it; "" empties it;
 *   `edits` null: the article's own saved corrections, if any);
 * - `bar`, `barText`, `undoButton`, `forgetButton`: the "Replaced … Undo" notice;
 * - `reading`, `dialog`, `dialogText`, `confirmButton`, `cancelButton`: pasting into the
 *   reading view asks first, in an in-page `<dialog>`.
 *
 * Returns `replace(text, edits)`: puts a new article in place, keeping the current one.
 */
export function wireReplace({ article, put, bar, barText, undoButton, forgetButton, reading, dialog, dialogText, confirmButton, cancelButton }) {
  let previous = loadPrevious();

  const showBar = (message) => {
    barText.textContent = message;
    bar.hidden = !previous;
  };
  if (previous) showBar(`Your earlier article “${opening(previous.text)}” can be brought back.`);

  function replace(text, edits = null) {
    const current = article();
    if (current.text === text && !edits?.length && !current.edits.length) {
      put(text, edits);
      return;
    }
    if (current.text.trim()) {
      previous = { text: current.text, edits: current.edits };
      savePrevious(previous);
      showBar(`Replaced “${opening(current.text)}”.`);
    }
    put(text, edits);
  }

  undoButton.addEventListener("click", () => {
    if (!previous) return;
    const back = previous;
    const current = article();
    previous = current.text.trim() ? { text: current.text, edits: current.edits } : null;
    savePrevious(previous);
    put(back.text, back.edits);
    if (previous) showBar(`Brought back “${opening(back.text)}”.`);
    else bar.hidden = true;
  });
  forgetButton.addEventListener("click", () => {
    previous = null;
    savePrevious(null);
    bar.hidden = true;
  });

  // Ctrl+V while the reading view shows (its text, a highlight or the page has focus): the
  // clipboard's text would replace the article, so ask first.
  let pending = "";
  document.addEventListener("paste", (event) => {
    if (reading.hidden || dialog.open) return;
    const target = event.target instanceof Element ? event.target : document.body;
    if (target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])")) return;
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!text.trim()) return;
    event.preventDefault();
    pending = text;
    const n = text.length.toLocaleString("en");
    dialogText.textContent = `The pasted text (${n} character${text.length === 1 ? "" : "s"}, beginning “${opening(text)}”) will replace the article you are reading. Undo brings the current one back.`;
    dialog.showModal();
  });
  confirmButton.addEventListener("click", () => {
    dialog.close();
    const text = pending;
    pending = "";
    if (text) replace(text);
  });
  cancelButton.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    pending = "";
  });
  // Esc closes the dialog (natively) and nothing else: not the panel behind it.
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") event.stopPropagation();
  });

  return { replace };
}
