// The side panel's content: one entity (a cluster of mentions) or one quotation.
//
// This module only builds the panel's DOM from the display index; what a click does (scroll,
// focus, highlight) is decided by the caller through the `actions` it passes in, so the panel
// stays a pure view. Every string from the article is set with textContent.

import { LABELS, VALUE_LABELS, coOccurring, contextAround, mentionsOf } from "./model.js";

/** Creates an element with a class and children (strings become text nodes). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const c of children) if (c != null) node.append(typeof c === "string" ? document.createTextNode(c) : c);
  return node;
}

function button(label, onClick, className = "linkish") {
  const b = el("button", className, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function clip(s, n) {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/**
 * A label chip in the type's colour ("PER"). Its text is drawn by CSS from data-label, like the
 * chips in the text: it is decoration beside a name, and a button's visible text stays the name
 * its accessible name contains.
 */
export function typeChip(label) {
  const chip = el("span", `chip ent-${label}`);
  chip.dataset.label = label;
  chip.setAttribute("aria-hidden", "true");
  return chip;
}

/** Text of [start, end) with [hlStart, hlEnd) wrapped in <mark>. */
function snippet(text, start, end, hlStart, hlEnd) {
  const p = el("p", "context");
  p.append(text.slice(start, hlStart), el("mark", "ctx-hit", text.slice(hlStart, hlEnd)), text.slice(hlEnd, end));
  return p;
}

/**
 * Scrolls the page so `target` sits in the part of the viewport the bottom sheet `sheet` leaves
 * free (narrow screens, where the panel is a fixed sheet over the text): nothing happens when it
 * is already there; otherwise it is centred in that room, or its top placed near the top when it
 * is taller than the room (a long quotation).
 */
export function revealAboveSheet(target, sheet, { smooth = false, margin = 16 } = {}) {
  if (!target) return;
  const r = target.getBoundingClientRect();
  const floor = sheet && !sheet.hidden ? Math.min(sheet.getBoundingClientRect().top, window.innerHeight) : window.innerHeight;
  const room = floor - 2 * margin;
  if (r.top >= margin && r.bottom <= floor - margin) return;
  const want = r.height > room ? margin : margin + (room - r.height) / 2;
  window.scrollBy({ top: r.top - want, behavior: smooth ? "smooth" : "auto" });
}

/** Characters of a sentence shown on each side of a mention in the mention list. */
const AROUND = 80;
/** Mentions listed before a "Show all" button (a long article names a country hundreds of times). */
const MENTIONS_FIRST = 40;

/** `s` cut to its last `n` characters at a word boundary, with "…" when cut. */
function tail(s, n) {
  const flat = s.replace(/\s+/g, " ");
  if (flat.length <= n) return flat;
  const cut = flat.slice(-n);
  const space = cut.indexOf(" ");
  return `…${space >= 0 && space < n / 2 ? cut.slice(space) : cut}`;
}

/** `s` cut to its first `n` characters at a word boundary, with "…" when cut. */
function head(s, n) {
  const flat = s.replace(/\s+/g, " ");
  if (flat.length <= n) return flat;
  const cut = flat.slice(0, n);
  const space = cut.lastIndexOf(" ");
  return `${space > n / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Every mention of group `gi` as a button showing its sentence with the mention marked; the
 * current one (`pos`) carries aria-current. `go(pos)` jumps to a mention.
 */
function mentionList(index, gi, pos, go) {
  const text = index.text;
  const rows = mentionsOf(index, gi);
  const list = el("ol", "mentions");
  list.setAttribute("aria-label", "Mentions in the text");
  const add = (from, to) => {
    for (const m of rows.slice(from, to)) {
      const e = index.entities[m.entity];
      const b = button("", () => go(m.pos), "linkish mention-item");
      b.dataset.pos = String(m.pos);
      b.append(tail(text.slice(m.start, e.start), AROUND), el("mark", "ctx-hit", text.slice(e.start, e.end)), head(text.slice(e.end, m.end), AROUND));
      if (m.pos === pos) {
        b.setAttribute("aria-current", "true");
        b.classList.add("is-current");
      }
      list.append(el("li", null, b));
    }
  };
  // The current mention is always among those shown.
  const first = Math.max(MENTIONS_FIRST, pos + 1);
  add(0, first);
  if (rows.length <= first) return [list];
  const more = button(`Show all ${rows.length} mentions`, () => {
    add(first, rows.length);
    more.remove();
    list.children[first]?.querySelector("button")?.focus();
  }, "linkish more");
  return [list, more];
}

/** Previous/next buttons around a live "k of n" counter. */
function stepper(label, pos, count, go) {
  const wrap = el("div", "stepper");
  wrap.setAttribute("role", "group");
  wrap.setAttribute("aria-label", label);
  const prev = button("← Previous", () => go(pos - 1), "step prev");
  const next = button("Next →", () => go(pos + 1), "step next");
  prev.disabled = pos <= 0;
  next.disabled = pos >= count - 1;
  const where = el("span", "where", `${label.replace(/s$/, "")} ${pos + 1} of ${count}`);
  where.setAttribute("aria-live", "polite");
  wrap.append(prev, where, next);
  return wrap;
}

/**
 * Fills the panel for group `gi` with mention `pos` current.
 * actions: goMention(gi, pos), openGroup(gi, entityIndex), openQuote(qi)
 */
export function groupPanel(title, body, index, gi, pos, actions) {
  const g = index.groups[gi];
  const text = index.text;
  title.textContent = g.name;
  body.replaceChildren();

  const n = g.mentions.length;
  const meta = el("p", "meta", typeChip(g.label), ` ${LABELS[g.label].name} · ${n} mention${n === 1 ? "" : "s"}`);
  body.append(meta);
  if (!index.groups.some((x) => x.cluster != null)) {
    body.append(el("p", "note", "Mentions grouped by identical text."));
  }

  const aliases = g.aliases.filter((a) => a !== g.name);
  if (aliases.length) {
    const list = el("ul", "aliases");
    for (const a of aliases) list.append(el("li", null, a));
    body.append(el("h3", null, "Also called"), list);
  }

  body.append(stepper("Mentions", pos, n, (p) => actions.goMention(gi, p)));
  body.append(el("h3", null, `Mentions (${n})`), ...mentionList(index, gi, pos, (p) => actions.goMention(gi, p)));

  if (g.quotes.length) {
    const list = el("ul", "quotes-of");
    for (const qi of g.quotes) {
      const q = index.quotes[qi];
      list.append(el("li", null, button(clip(q.text, 140), () => actions.openQuote(qi), "linkish quote-link")));
    }
    body.append(el("h3", null, `Quotes (${g.quotes.length})`), list);
  }

  const co = coOccurring(index, gi);
  if (co.length) {
    const list = el("ul", "with");
    for (const row of co) {
      const other = index.groups[row.group];
      const b = button("", () => actions.openGroup(row.group, row.entity), "linkish");
      b.append(typeChip(other.label), ` ${other.name}`);
      b.setAttribute("aria-label", `${other.name}, ${LABELS[other.label].name}, ${row.count} shared sentence${row.count === 1 ? "" : "s"}`);
      list.append(el("li", null, b, el("span", "count", ` ${row.count}×`)));
    }
    body.append(el("h3", null, "Appears with"), list);
  }
}

/**
 * Fills the panel for quote `qi`.
 * actions: openGroup(gi, entityIndex), openQuote(qi), goSpeaker(qi)
 */
export function quotePanel(title, body, index, qi, actions) {
  const q = index.quotes[qi];
  const order = index.quotes.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
  const pos = order.indexOf(qi);
  title.textContent = "Quotation";
  body.replaceChildren();

  body.append(el("blockquote", "quote-text", q.text));

  const dl = el("dl", "facts");
  const speakerDd = el("dd", null);
  const g = index.groupOfQuote[qi];
  const group = g >= 0 ? index.groups[g] : null;
  if (q.speaker && (!group || group.name !== q.speaker.text)) {
    // The mention as written ("he", "the spokeswoman", "Mayor Talia Brennick").
    speakerDd.append(el("span", "speaker-text", q.speaker.text));
  }
  const line = el("span", "speaker-actions");
  if (group) {
    const b = button("", () => actions.openGroup(g, -1), "linkish speaker-link");
    b.append(typeChip(group.label), ` ${group.name}`);
    b.setAttribute("aria-label", `Open ${group.name}`);
    line.append(b);
  }
  if (q.speaker) {
    line.append(button("Show in text", () => actions.goSpeaker(qi), "linkish small"));
  }
  if (line.childNodes.length) speakerDd.append(line);
  if (!q.speaker && !group) speakerDd.append(el("span", "muted", "not found"));
  dl.append(el("dt", null, "Speaker"), speakerDd);
  dl.append(el("dt", null, "Cue"), el("dd", q.cue ? "cue-text" : "muted", q.cue ? q.cue.text : "none"));
  body.append(dl);

  body.append(stepper("Quotes", pos, order.length, (p) => actions.openQuote(order[p])));
}

/**
 * Fills the panel for value `vi` (a date, amount or number): the expression, its type, the
 * normalised value the core computed, and its sentence.
 * actions: openValue(vi)
 */
export function valuePanel(title, body, index, vi, actions) {
  const v = index.values[vi];
  const pos = index.valueOrder.indexOf(vi);
  title.textContent = clip(v.text, 80);
  body.replaceChildren();
  const group = VALUE_LABELS[v.label].group;
  body.append(el("p", `meta val-${group}`, el("span", "vswatch"), ` ${VALUE_LABELS[v.label].name}`));
  // The core's own words for the normalised value (the line the exports write).
  if (v.description) {
    body.append(el("dl", "facts", el("dt", null, "Value"), el("dd", "value-description", v.description)));
  } else {
    body.append(el("p", "muted", "The text does not say enough to normalise this value."));
  }
  const ctx = contextAround(index, v.start, v.end);
  body.append(el("h3", null, "In context"), snippet(index.text, ctx.start, ctx.end, v.start, v.end));
  body.append(stepper("Values", pos, index.valueOrder.length, (p) => actions.openValue(index.valueOrder[p])));
}
