// The correction controls: the toolbar over a selection in the reading view, the "Correct"
// sections of the entity and quotation panels (with a searchable group picker), the
// Undo/Redo bar with the list of corrections, and the notice of corrections that could not be
// placed.
//
// Why only records: every control here appends records to the edit list (`edits.js`) and asks
// for a new annotation; what the page then shows comes from the core's document. The only
// reading of the display index is to say *where* a correction applies (the offsets and text of
// a mention, a quotation or the selection) — never what the result of it is.

import { LABELS, LABEL_ORDER } from "./model.js";
import { el } from "./panel.js";
import { describe } from "./edits.js";
import { picker } from "./picker.js";

function button(label, onClick, className = "fix-btn") {
  const b = el("button", className, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/** "a Person", "an Organisation". */
function withArticle(noun) {
  return `${/^[AEIOU]/.test(noun) ? "an" : "a"} ${noun}`;
}

function clip(s, n) {
  const flat = String(s).replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** The record's anchor for `start..end` of the text: offsets (UTF-16) and the text there. */
function anchor(text, start, end) {
  return { start, end, text: text.slice(start, end) };
}

/**
 * The text offset of a DOM boundary point inside the reading view, or null. Blocks carry their
 * offsets (`data-start`, `data-end`); inside one, the text before the point is the block's text
 * minus the label chips and quotation buttons drawn into it.
 */
function offsetOf(reading, node, offset, isEnd) {
  const elem = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  if (!elem || !reading.contains(elem)) return null;
  const p = elem.closest("p[data-start]");
  if (!p || !reading.contains(p)) {
    // A point between blocks: the start of the next block, or the end of the previous one.
    const point = document.createRange();
    point.setStart(node, offset);
    const blocks = [...reading.querySelectorAll("p[data-start]")];
    if (isEnd) {
      const before = blocks.filter((b) => point.comparePoint(b, b.childNodes.length) <= 0);
      return before.length ? Number(before[before.length - 1].dataset.end) : null;
    }
    const after = blocks.find((b) => point.comparePoint(b, 0) >= 0);
    return after ? Number(after.dataset.start) : null;
  }
  const range = document.createRange();
  range.setStart(p, 0);
  range.setEnd(node, offset);
  const part = range.cloneContents();
  for (const chip of part.querySelectorAll(".lbl, .qchip")) chip.remove();
  return Math.min(Number(p.dataset.start) + part.textContent.length, Number(p.dataset.end));
}

/** The reading view's selection as text offsets {start, end, text}, trimmed, or null. */
export function selectionOffsets(reading, text) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  if (!reading.contains(r.commonAncestorContainer)) return null;
  let start = offsetOf(reading, r.startContainer, r.startOffset, false);
  let end = offsetOf(reading, r.endContainer, r.endOffset, true);
  if (start == null || end == null || end <= start) return null;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  return anchor(text, start, end);
}

/** Groups as picker items, most mentioned first, without `except`. */
function groupItems(index, except = -1) {
  return index.groups
    .map((g, gi) => ({ g, gi }))
    .filter(({ gi }) => gi !== except)
    .sort((a, b) => (b.g.salience ?? 0) - (a.g.salience ?? 0) || b.g.mentions.length - a.g.mentions.length)
    .map(({ g, gi }) => {
      const aliases = g.aliases.filter((a) => a !== g.name);
      const n = g.mentions.length;
      return {
        name: g.name,
        label: g.label,
        detail: `${LABELS[g.label].name} · ${n} mention${n === 1 ? "" : "s"}${aliases.length ? ` · also ${aliases.slice(0, 3).join(", ")}` : ""}`,
        value: gi,
      };
    });
}

/** The mention of group `gi` nearest to `pos` (a quotation's start): where its speaker is named. */
function nearestMention(index, gi, pos) {
  let best = -1;
  let bestDist = Infinity;
  for (const m of index.groups[gi].mentions) {
    const e = index.entities[m];
    const d = Math.abs(e.start - pos);
    if (d < bestDist) {
      best = m;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Wires the corrections into the page. `host` gives what the controller needs from app.js:
 *  - reading: the reading view element; bar: the Undo/Redo bar element;
 *  - edits: the EditList;
 *  - shown(): {text, index} of what the reading view shows, or null;
 *  - selected(): the panel's subject as {kind: "entity"|"quote", start, end}, or null;
 *  - openEntityAt(start, end) / openQuoteAt(start, end): reopen a panel after re-annotation.
 * Returns {entityTools, quoteTools, afterShow, refresh}.
 */
export function wireCorrections(host) {
  const { reading, bar, edits } = host;
  const undoBtn = bar.querySelector("#undo");
  const redoBtn = bar.querySelector("#redo");
  const listBox = bar.querySelector("#correction-list");
  const listSummary = listBox.querySelector("summary");
  const listBody = bar.querySelector("#correction-items");
  const droppedBox = bar.querySelector("#dropped");
  const announce = bar.querySelector("#edit-announce");
  let reopen = null; // what to reopen once the new annotation is drawn
  let keep = null; // where the reader was when the correction was made (see `place`)
  let lastSelection = null; // {start, end, text} of the last selection made in the reading view
  let selectionText = ""; // the text that selection was made on
  let drawn = 0; // annotations drawn so far
  let shownDropped = null; // the dropped list the notice shows (JSON)

  // -------------------------------------------------------------------------------------------
  // Applying a correction

  function apply(records, message, target) {
    const shown = host.shown();
    if (!shown) return;
    reopen = target === undefined ? host.selected() : target;
    keep = place();
    edits.add(records);
    say(message);
    hideTools();
  }

  /**
   * Where the reader is: the block at the top of the viewport (by its text offset, the same in
   * the redrawn view: corrections never change the text) and how far down the viewport it is.
   */
  function place() {
    const r = reading.getBoundingClientRect();
    if (reading.hidden || r.bottom < 0 || r.top > window.innerHeight) return null;
    const hit = document.elementFromPoint(r.left + 4, Math.max(r.top, 0) + 4);
    const p = hit && hit.closest && hit.closest("#reading p[data-start]");
    return p ? { start: p.dataset.start, top: p.getBoundingClientRect().top } : null;
  }

  /**
   * Scrolls the block `at` names back to where it was. A long article's blocks have estimated
   * heights until the browser draws them (`content-visibility`), so the first scroll lands
   * near; it is corrected after each of the next frames until it holds.
   */
  function goBack(at, tries = 6) {
    const p = reading.querySelector(`p[data-start="${at.start}"]`);
    if (!p || reading.hidden) return;
    if (tries === 6) {
      // The browser lays out what it scrolls to, estimated heights or not.
      p.scrollIntoView({ block: "start", behavior: "instant" });
      window.scrollBy({ top: -at.top, behavior: "instant" });
    } else {
      const dy = p.getBoundingClientRect().top - at.top;
      if (Math.abs(dy) <= 1) return;
      window.scrollBy({ top: dy, behavior: "instant" });
    }
    if (tries > 1) requestAnimationFrame(() => goBack(at, tries - 1));
  }

  function say(message) {
    announce.textContent = "";
    // A new text node each time, so the same message is announced twice when repeated.
    requestAnimationFrame(() => (announce.textContent = message));
  }

  function undo() {
    if (!edits.canUndo) return;
    const last = edits.list[edits.list.length - 1];
    reopen = host.selected();
    keep = place();
    edits.undo();
    say(last ? `Undone: ${describe(last)}.` : "Undone.");
  }

  function redo() {
    if (!edits.canRedo) return;
    reopen = host.selected();
    keep = place();
    edits.redo();
    const last = edits.list[edits.list.length - 1];
    say(last ? `Redone: ${describe(last)}.` : "Redone.");
  }

  undoBtn.addEventListener("click", undo);
  redoBtn.addEventListener("click", redo);
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== "z" && key !== "y") return;
    // Text fields keep their own undo (the article's textarea, search boxes).
    const t = event.target;
    if (t && t.closest && t.closest("input, textarea, select, [contenteditable='true'], [contenteditable='']")) return;
    event.preventDefault();
    if (key === "y" || event.shiftKey) redo();
    else undo();
  });

  /** Brings the bar, the list of corrections and the dropped notice up to date. */
  function refresh() {
    const n = edits.list.length;
    undoBtn.disabled = !edits.canUndo;
    redoBtn.disabled = !edits.canRedo;
    undoBtn.title = edits.canUndo && n ? `Undo: ${describe(edits.list[n - 1])} (Ctrl+Z)` : "Nothing to undo (Ctrl+Z)";
    redoBtn.title = edits.canRedo ? "Redo the correction undone (Ctrl+Shift+Z or Ctrl+Y)" : "Nothing to redo (Ctrl+Shift+Z)";
    listSummary.textContent = `Corrections (${n})`;
    listBody.replaceChildren();
    if (!n) listBody.append(el("li", "muted", "None yet: select words in the article to mark them, or open a highlight to correct it."));
    edits.list.forEach((r, k) => {
      const del = button("Remove", () => {
        reopen = host.selected();
        keep = place();
        edits.removeAt(k);
        say(`Removed the correction: ${describe(r)}.`);
      }, "linkish small");
      del.setAttribute("aria-label", `Remove the correction: ${describe(r)}`);
      // What the correction made can be shown; what it removed is no longer there to show.
      const where = { add_entity: "entity", set_label: "entity", split_entity: "entity", merge_groups: "entity", set_speaker: "quote", add_quote: "quote" }[r.kind];
      const what = where && host.shown() ? button(describe(r), () => (where === "entity" ? host.openEntityAt : host.openQuoteAt)(r.start, r.end), "linkish correction-link") : el("span", null, describe(r));
      listBody.append(el("li", null, what, " ", del));
    });
    // Invisible but in place until there is something to correct: appearing at the end of a
    // long article's drawing would move (and re-lay out) everything under it.
    bar.classList.toggle("idle", !host.shown() && !n && !edits.dropped.length);
    // The notice is a live region: rebuilt (and so announced) only when what it says changes.
    const droppedKey = JSON.stringify(edits.dropped);
    if (droppedKey === shownDropped) return;
    shownDropped = droppedKey;
    droppedBox.replaceChildren();
    droppedBox.hidden = !edits.dropped.length;
    if (edits.dropped.length) {
      const d = edits.dropped.length;
      const ul = el("ul", "dropped-list");
      edits.dropped.forEach((x, k) => {
        const again = button("Try again", () => {
          reopen = null;
          edits.retry(k);
        }, "linkish small");
        again.setAttribute("aria-label", `Try again to place: ${describe(x.edit)}`);
        ul.append(el("li", null, el("span", "dropped-what", describe(x.edit)), el("span", "dropped-why", ` — ${x.reason}`), " ", again));
      });
      const dismiss = button("Dismiss", () => edits.dismissDropped(), "fix-btn small");
      dismiss.setAttribute("aria-label", `Dismiss the ${d} correction${d === 1 ? "" : "s"} that could not be placed`);
      droppedBox.append(el("p", "dropped-head", `${d} correction${d === 1 ? "" : "s"} could not be placed on the text as it is now:`), ul, dismiss);
    }
  }

  // -------------------------------------------------------------------------------------------
  // The toolbar over a selection

  const tools = el("div", "sel-tools");
  tools.id = "sel-tools";
  tools.hidden = true;
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", "Correct the selected text");
  const toolsLabel = el("span", "sel-tools-label", "Mark as");
  const speakerBtn = button("Speaker of the open quotation", () => {
    const sel = lastSelection;
    const shown = host.shown();
    const subject = host.selected();
    if (!sel || !shown || !subject || subject.kind !== "quote") return;
    apply({ kind: "set_speaker", ...anchor(shown.text, subject.start, subject.end), speaker: sel }, `Speaker set to “${clip(sel.text, 40)}”.`, subject);
  });
  speakerBtn.dataset.fix = "sel-speaker";
  tools.append(toolsLabel);
  for (const label of LABEL_ORDER) {
    const b = button(label === "MISC" ? "Other" : LABELS[label].name, () => {
      const sel = lastSelection;
      if (!sel) return;
      apply({ kind: "add_entity", ...sel, label }, `“${clip(sel.text, 40)}” marked as ${LABELS[label].name}.`, { kind: "entity", start: sel.start, end: sel.end });
    });
    b.classList.add(`ent-${label}`);
    b.dataset.fix = `add-${label}`;
    b.setAttribute("aria-label", `Mark as ${LABELS[label].name}`);
    tools.append(b);
  }
  const quoteBtn = button("Quotation", () => {
    const sel = lastSelection;
    if (!sel) return;
    apply({ kind: "add_quote", ...sel }, `“${clip(sel.text, 40)}” marked as a quotation.`, { kind: "quote", start: sel.start, end: sel.end });
  });
  quoteBtn.dataset.fix = "add-quote";
  quoteBtn.setAttribute("aria-label", "Mark as a quotation");
  tools.append(quoteBtn, speakerBtn);
  // Pressing a button must not clear the selection it acts on.
  tools.addEventListener("mousedown", (event) => event.preventDefault());
  tools.addEventListener("pointerdown", (event) => event.preventDefault());
  tools.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      hideTools();
      reading.focus({ preventScroll: true });
    }
  });
  reading.after(tools); // inside the article's landmark, next to what it acts on
  // Keyboard: Tab right after selecting (caret browsing) goes to the toolbar, not past it;
  // arrows move between its buttons.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || event.shiftKey || tools.hidden || tools.contains(document.activeElement)) return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !reading.contains(sel.getRangeAt(0).commonAncestorContainer)) return;
    event.preventDefault();
    tools.querySelector("button:not([hidden])").focus();
  });
  tools.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const buttons = [...tools.querySelectorAll("button:not([hidden])")];
    const k = buttons.indexOf(document.activeElement);
    if (k < 0) return;
    event.preventDefault();
    buttons[(k + (event.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length].focus();
  });

  function hideTools() {
    tools.hidden = true;
  }

  function showTools(range) {
    const subject = host.selected();
    speakerBtn.hidden = !(subject && subject.kind === "quote");
    tools.hidden = false;
    const rects = range.getClientRects();
    const r = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    const w = tools.offsetWidth;
    const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left));
    // Absolute to its offset parent (the page when nothing around it is positioned).
    const base = tools.offsetParent ? tools.offsetParent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
    tools.style.left = `${left - base.left}px`;
    tools.style.top = `${r.bottom - base.top + 6}px`;
  }

  let selTimer = 0;
  document.addEventListener("selectionchange", () => {
    clearTimeout(selTimer);
    selTimer = setTimeout(() => {
      const shown = host.shown();
      const sel = window.getSelection();
      if (!shown || reading.hidden || !sel || sel.isCollapsed || !sel.rangeCount) {
        if (!tools.contains(document.activeElement)) hideTools();
        return;
      }
      const r = sel.getRangeAt(0);
      if (!reading.contains(r.commonAncestorContainer)) return;
      const at = selectionOffsets(reading, shown.text);
      if (!at) {
        hideTools();
        return;
      }
      lastSelection = at;
      selectionText = shown.text;
      showTools(r);
      for (const b of document.querySelectorAll("[data-fix='use-selection']")) updateUseSelection(b);
    }, 120);
  });

  // -------------------------------------------------------------------------------------------
  // Panel sections

  /** The heading and body of a panel's "Correct" section. */
  function section(body, title) {
    const id = `fix-${Math.random().toString(36).slice(2, 8)}`;
    const h = el("h3", null, title);
    h.id = id;
    const s = el("section", "fix");
    s.setAttribute("aria-labelledby", id);
    s.append(h);
    body.append(s);
    return s;
  }

  /** Shows `pick` in `slot` (replacing what was there), toggled by `opener`. */
  function openPicker(slot, opener, pick) {
    if (slot.firstChild) {
      slot.replaceChildren();
      opener.setAttribute("aria-expanded", "false");
      return;
    }
    slot.replaceChildren(pick);
    opener.setAttribute("aria-expanded", "true");
    pick.addEventListener("picker-close", () => {
      slot.replaceChildren();
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    });
    pick.querySelector("input").focus();
  }

  /** The "Correct" section of group `gi`'s panel, mention `pos` current. */
  function entityTools(body, index, gi, pos) {
    const g = index.groups[gi];
    const current = index.entities[g.mentions[pos]];
    const text = index.text;
    const here = { kind: "entity", start: current.start, end: current.end };
    const n = g.mentions.length;
    const s = section(body, "Correct");

    const types = el("div", "fix-types");
    types.setAttribute("role", "group");
    types.setAttribute("aria-label", n === 1 ? "Type" : `Type of all ${n} mentions`);
    types.append(el("span", "fix-label", n === 1 ? "Type" : `Type (all ${n})`));
    for (const label of LABEL_ORDER) {
      const b = button(label === "MISC" ? "Other" : LABELS[label].name, () => {
        const targets = g.mentions.map((m) => index.entities[m]).filter((e) => e.label !== label);
        const records = (targets.length ? targets : [current]).map((e) => ({ kind: "set_label", ...anchor(text, e.start, e.end), label }));
        apply(records, `${g.name} is now ${withArticle(LABELS[label].name)}.`, here);
      });
      b.classList.add("fix-type", `ent-${label}`);
      b.dataset.fix = `type-${label}`;
      b.setAttribute("aria-pressed", String(g.label === label));
      types.append(b);
    }
    s.append(types);

    const row = el("div", "fix-row");
    const rm = button(n === 1 ? "Not an entity" : "Remove this mention", () => {
      apply({ kind: "remove_entity", ...anchor(text, current.start, current.end) }, `“${current.text}” is no longer an entity.`, null);
    });
    rm.dataset.fix = "remove";
    row.append(rm);
    if (n > 1) {
      const rmAll = button(`Remove all ${n}`, () => {
        const records = g.mentions.map((m) => index.entities[m]).map((e) => ({ kind: "remove_entity", ...anchor(text, e.start, e.end) }));
        apply(records, `The ${n} mentions of ${g.name} are no longer entities.`, null);
      });
      rmAll.dataset.fix = "remove-all";
      rmAll.setAttribute("aria-label", `Remove all ${n} mentions`);
      const split = button("Split this mention off", () => {
        apply({ kind: "split_entity", ...anchor(text, current.start, current.end) }, `“${current.text}” is now a group of its own.`, here);
      });
      split.dataset.fix = "split";
      row.append(rmAll, split);
    }
    const slot = el("div", "fix-slot");
    const same = button("Same as…", () =>
      openPicker(
        slot,
        same,
        picker(`Same entity as`, groupItems(index, gi), (other) => {
          const o = index.entities[index.groups[other].mentions[0]];
          apply(
            { kind: "merge_groups", ...anchor(text, current.start, current.end), with: anchor(text, o.start, o.end) },
            `${g.name} and ${index.groups[other].name} are now one entity.`,
            here,
          );
        }),
      ),
    );
    same.dataset.fix = "same-as";
    same.setAttribute("aria-expanded", "false");
    row.append(same);
    s.append(row, slot);
  }

  function updateUseSelection(b) {
    const shown = host.shown();
    const ok = Boolean(lastSelection && shown && selectionText === shown.text);
    b.disabled = !ok;
    b.textContent = ok ? `Use the selected text “${clip(lastSelection.text, 30)}”` : "Use selected text (select the speaker’s words in the article first)";
  }

  /** The "Correct" section of quotation `qi`'s panel. */
  function quoteTools(body, index, qi) {
    const q = index.quotes[qi];
    const text = index.text;
    const here = { kind: "quote", start: q.start, end: q.end };
    const at = anchor(text, q.start, q.end);
    const s = section(body, "Correct");
    const row = el("div", "fix-row");
    const slot = el("div", "fix-slot");
    const setSpeaker = (speaker, message) => apply({ kind: "set_speaker", ...at, speaker }, message, here);
    const useSel = button("", () => {
      if (lastSelection) setSpeaker(lastSelection, `Speaker set to “${clip(lastSelection.text, 40)}”.`);
    });
    useSel.dataset.fix = "use-selection";
    updateUseSelection(useSel);
    const nobody = button("Nobody", () => setSpeaker(null, "The quotation has no speaker now."));
    nobody.dataset.fix = "nobody";
    nobody.setAttribute("aria-label", "Nobody: the quotation has no speaker");
    const choose = button("Change speaker…", () => {
      updateUseSelection(useSel);
      openPicker(
        slot,
        choose,
        picker("Said by", groupItems(index), (gi) => {
          const m = nearestMention(index, gi, q.start);
          if (m < 0) return;
          const e = index.entities[m];
          setSpeaker(anchor(text, e.start, e.end), `Speaker set to ${index.groups[gi].name}.`);
        }, { extra: [el("div", "picker-extra", nobody, useSel)] }),
      );
    });
    choose.dataset.fix = "speaker";
    choose.setAttribute("aria-expanded", "false");
    const rm = button("Not a quotation", () => apply({ kind: "remove_quote", ...at }, "The quotation was removed.", null));
    rm.dataset.fix = "remove-quote";
    rm.setAttribute("aria-label", "Not a quotation: remove it");
    row.append(choose, rm);
    s.append(row, slot);
  }

  /** After a new annotation is drawn: reopen what the correction was about, if it is still there. */
  function afterShow() {
    drawn++;
    bar.dataset.drawn = String(drawn); // tests wait on it: the annotation with this list is drawn
    lastSelection = null;
    hideTools();
    refresh();
    const target = reopen;
    reopen = null;
    // A long article is drawn in slices, and the page is shorter meanwhile: go back to where
    // the reader was (a short one is drawn at once and has not moved).
    if (keep) goBack(keep);
    keep = null;
    if (!target) {
      // The panel the correction came from is gone: keep focus in the article, not on <body>.
      const a = document.activeElement;
      if (!a || a === document.body || a.closest("[hidden]")) reading.focus({ preventScroll: true });
      return;
    }
    if (target.kind === "entity") host.openEntityAt(target.start, target.end);
    else if (target.kind === "quote") host.openQuoteAt(target.start, target.end);
  }

  refresh();
  return { entityTools, quoteTools, afterShow, refresh };
}
