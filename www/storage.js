// Keeps the article across reloads, in this browser only (localStorage; never sent anywhere).
// Storage can be full, disabled or blocked (private modes, policies): the page must work
// without it, so every access is guarded and failures are silent.

const KEY = "loupe.text.v1";

/** The text saved by the last visit, or "" when there is none or storage is unavailable. */
export function loadText() {
  try {
    return window.localStorage.getItem(KEY) || "";
  } catch {
    return "";
  }
}

/**
 * Longest text saved (UTF-16 units). Browsers keep about 5 M units per site; trying to store
 * more only blocks the page while the browser copies the text and then refuses it.
 */
const MAX_SAVED = 2_000_000;

/** Saves `text` (an empty or too long text clears the entry). Returns false if it was not saved. */
export function saveText(text) {
  try {
    if (text.length > MAX_SAVED) {
      window.localStorage.removeItem(KEY);
      return false;
    }
    if (text) window.localStorage.setItem(KEY, text);
    else window.localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
