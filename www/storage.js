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

/** Saves `text` (an empty text clears the entry). Returns false if storage refused it. */
export function saveText(text) {
  try {
    if (text) window.localStorage.setItem(KEY, text);
    else window.localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}
