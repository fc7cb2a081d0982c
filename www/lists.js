// The side lists (entities by type, all quotations) and the legend that filters types.
//
// Lists are the keyboard- and screen-reader-friendly way through an article: every entry is a
// button that opens the same panel as clicking in the text. The legend's toggles only flip
// classes on the reading view (CSS does the hiding), so filtering costs nothing on long texts.

import { LABELS, LABEL_ORDER, VALUE_LABELS, VALUE_ORDER, describeValue, groupsByLabel } from "./model.js";
import { el, typeChip } from "./panel.js";

/** Entries shown per list before a "Show all" button: long articles have thousands. */
const FIRST = 60;

/**
 * Appends `items` (built lazily by `make(i)`) to `list`, the first FIRST of them at once and the
 * rest behind a "Show all" button placed after the list.
 */
function fill(list, count, make, noun) {
  const add = (from, to) => {
    for (let i = from; i < to; i++) list.append(make(i));
  };
  add(0, Math.min(count, FIRST));
  if (count <= FIRST) return null;
  const more = el("button", "linkish more", `Show all ${count} ${noun}`);
  more.type = "button";
  more.addEventListener("click", () => {
    add(FIRST, count);
    more.remove();
    list.children[FIRST]?.querySelector("button")?.focus();
  });
  return more;
}

/** Fills the entity list: one section per type, entities by salience, with mention counts. */
export function renderEntityList(root, index, onOpen) {
  root.replaceChildren();
  let any = false;
  for (const label of LABEL_ORDER) {
    const gis = groupsByLabel(index, label);
    if (!gis.length) continue;
    any = true;
    const id = `list-${label}`;
    const h = el("h3", null, typeChip(label), ` ${LABELS[label].plural} `, el("span", "count", `(${gis.length})`));
    h.id = id;
    const ul = el("ul", "entity-list");
    ul.setAttribute("aria-labelledby", id);
    const more = fill(
      ul,
      gis.length,
      (k) => {
        const gi = gis[k];
        const g = index.groups[gi];
        const n = g.mentions.length;
        const b = el("button", "linkish entity-item", el("span", "name", g.name), el("span", "count", `${n}×`));
        b.type = "button";
        b.dataset.group = String(gi);
        b.setAttribute("aria-label", `${g.name}, ${n} mention${n === 1 ? "" : "s"}`);
        b.addEventListener("click", () => onOpen(gi));
        return el("li", null, b);
      },
      LABELS[label].plural.toLowerCase(),
    );
    root.append(el("section", "type-section", h, ul, more));
  }
  if (!any) root.append(el("p", "muted", "No entities found yet."));
}

/** Fills the quote list: each quotation with its speaker. */
export function renderQuoteList(root, index, onOpen) {
  root.replaceChildren();
  const ol = el("ol", "quote-list");
  const order = index.quotes.map((q, qi) => (q ? qi : -1)).filter((qi) => qi >= 0);
  const more = fill(ol, order.length, (k) => {
    const qi = order[k];
    const q = index.quotes[qi];
    const g = index.groupOfQuote[qi];
    const who = g >= 0 ? index.groups[g].name : q.speaker ? q.speaker.text : "Unattributed";
    const flat = q.text.replace(/\s+/g, " ").trim();
    const b = el(
      "button",
      "linkish quote-item",
      el("span", "who", who),
      el("span", "what", flat.length > 120 ? `${flat.slice(0, 119)}…` : flat),
    );
    b.type = "button";
    b.dataset.q = String(qi);
    b.addEventListener("click", () => onOpen(qi));
    return el("li", null, b);
  }, "quotations");
  if (ol.childElementCount) root.append(ol, more ?? "");
  else root.append(el("p", "muted", "No quotations found yet."));
}

/**
 * Fills the "Numbers & dates" list: one section per value type, in text order, each entry the
 * expression as written with its normalised value beside it.
 */
export function renderValueList(root, index, onOpen) {
  root.replaceChildren();
  let any = false;
  for (const label of VALUE_ORDER) {
    const vis = index.valueOrder.filter((vi) => index.values[vi].label === label);
    if (!vis.length) continue;
    any = true;
    const id = `vlist-${label}`;
    const group = VALUE_LABELS[label].group;
    const h = el("h3", `val-${group}`, el("span", "vswatch"), ` ${VALUE_LABELS[label].plural} `, el("span", "count", `(${vis.length})`));
    h.id = id;
    const ul = el("ul", "value-list");
    ul.setAttribute("aria-labelledby", id);
    const more = fill(
      ul,
      vis.length,
      (k) => {
        const vi = vis[k];
        const v = index.values[vi];
        const rows = describeValue(v);
        const flat = v.text.replace(/\s+/g, " ");
        const b = el("button", "linkish value-item", el("span", "name", flat));
        if (rows.length) b.append(el("span", "norm", rows[0][1]));
        b.type = "button";
        b.dataset.v = String(vi);
        b.addEventListener("click", () => onOpen(vi));
        return el("li", null, b);
      },
      VALUE_LABELS[label].plural.toLowerCase(),
    );
    root.append(el("section", "type-section", h, ul, more));
  }
  if (!any) root.append(el("p", "muted", "No dates, amounts or numbers found."));
}

/**
 * Wires the legend buttons (aria-pressed toggles with data-type PER/ORG/LOC/MISC/QUOTE and the
 * value groups WHEN/AMOUNT/NUMBER) to
 * `hide-TYPE` classes on `reading`. `onChange(hiddenSet)` runs after each toggle.
 */
export function wireLegend(legend, reading, onChange) {
  const hidden = new Set();
  for (const b of legend.querySelectorAll("button[data-type]")) {
    b.addEventListener("click", () => {
      const type = b.dataset.type;
      const show = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", String(show));
      reading.classList.toggle(`hide-${type}`, !show);
      if (show) hidden.delete(type);
      else hidden.add(type);
      onChange(hidden);
    });
  }
  return hidden;
}
