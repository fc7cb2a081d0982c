// The side lists (entities by type, all quotations) and the legend that filters types.
//
// Lists are the keyboard- and screen-reader-friendly way through an article: every entry is a
// button that opens the same panel as clicking in the text. The legend's toggles only flip
// classes on the reading view (CSS does the hiding), so filtering costs nothing on long texts.

import { LABELS, LABEL_ORDER, VALUE_LABELS, VALUE_ORDER, groupsByLabel } from "./model.js";
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

/**
 * What the entity list shows: the last index it was filled from and the search query. The
 * search box re-fills it as the reader types, from the same groups, without asking the app.
 */
const entities = { root: null, index: null, onOpen: null, query: "", status: null };

/** The types the legend hides, as the lists last applied them (`filterLists`). */
const lists = { hidden: new Set() };

/** `s` lowercased without accents, for a search that finds "Müller" when "muller" is typed. */
function folded(s) {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Whether group `g` matches the folded query `q` by its name or one of its aliases. */
function groupMatches(g, q) {
  return !q || folded(g.name).includes(q) || g.aliases.some((a) => folded(a).includes(q));
}

/**
 * Fills the entity list: one section per type (data-type, so the legend can hide it),
 * entities by salience, with mention counts; only the groups the search box matches.
 */
export function renderEntityList(root, index, onOpen) {
  Object.assign(entities, { root, index, onOpen });
  root.replaceChildren();
  const q = folded(entities.query.trim());
  let any = false;
  let shown = 0;
  for (const label of LABEL_ORDER) {
    const all = groupsByLabel(index, label);
    if (!all.length) continue;
    any = true;
    const gis = all.filter((gi) => groupMatches(index.groups[gi], q));
    if (!gis.length) continue;
    if (!lists.hidden.has(label)) shown += gis.length;
    const id = `list-${label}`;
    const h = el("h3", null, typeChip(label), ` ${LABELS[label].plural} `, el("span", "count", `(${q ? `${gis.length} of ${all.length}` : gis.length})`));
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
        // The space keeps the name and the count two words for assistive tech (name: "Ana
        // Ruiz, 3 mentions", shown: "Ana Ruiz 3×").
        const b = el("button", "linkish entity-item", el("span", "name", g.name), " ", el("span", "count", `${n}×`));
        b.type = "button";
        b.dataset.group = String(gi);
        b.setAttribute("aria-label", `${g.name}, ${n} mention${n === 1 ? "" : "s"}`);
        b.addEventListener("click", () => onOpen(gi));
        return el("li", null, b);
      },
      LABELS[label].plural.toLowerCase(),
    );
    const section = el("section", "type-section", h, ul, more);
    section.dataset.type = label;
    root.append(section);
  }
  if (!any) root.append(el("p", "muted", "No entities found yet."));
  else root.append(el("p", "muted no-match", `No entity matches “${entities.query.trim()}”.`));
  const search = root.closest("section")?.querySelector(".entity-search");
  if (search) search.hidden = !any;
  filterLists(root.closest(".lists"), lists.hidden);
  if (entities.status) entities.status.textContent = q ? (shown ? `${shown} entit${shown === 1 ? "y matches" : "ies match"}` : "No match") : "";
}

/**
 * Wires the search box over the entity list: the list is re-filled from its last index on
 * every keystroke (groups whose name or an alias contains the text, case and accents ignored);
 * `status` (a live region) says how many match. Escape in the box clears it.
 */
export function wireEntitySearch(input, status) {
  entities.status = status;
  const update = () => {
    entities.query = input.value;
    if (entities.root && entities.index) renderEntityList(entities.root, entities.index, entities.onOpen);
  };
  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && input.value) {
      event.preventDefault();
      event.stopPropagation();
      input.value = "";
      update();
    }
  });
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
  if (ol.childElementCount) {
    const section = el("div", "type-section", ol, more);
    section.dataset.type = "QUOTE";
    root.append(section, el("p", "muted no-match", "Quotations are hidden: press “Quotations” in the legend to show them."));
  } else root.append(el("p", "muted", "No quotations found yet."));
  filterLists(root.closest(".lists"), lists.hidden);
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
        const flat = v.text.replace(/\s+/g, " ");
        const b = el("button", "linkish value-item", el("span", "name", flat));
        if (v.description) b.append(el("span", "norm", v.description));
        b.type = "button";
        b.dataset.v = String(vi);
        b.addEventListener("click", () => onOpen(vi));
        return el("li", null, b);
      },
      VALUE_LABELS[label].plural.toLowerCase(),
    );
    const section = el("section", "type-section", h, ul, more);
    section.dataset.type = group;
    root.append(section);
  }
  if (!any) root.append(el("p", "muted", "No dates, amounts or numbers found."));
  else root.append(el("p", "muted no-match", "Every kind of number and date is hidden by the legend."));
  filterLists(root.closest(".lists"), lists.hidden);
}

/**
 * Makes the side lists follow the legend: a section whose type (data-type) is in `hidden` is
 * hidden, and each list whose sections are all hidden (or all filtered out by the search) says
 * so in its "no match" line.
 */
export function filterLists(root, hidden) {
  lists.hidden = new Set(hidden);
  if (!root) return;
  for (const list of root.querySelectorAll("#entity-list, #quote-list, #value-list")) {
    let visible = 0;
    for (const section of list.querySelectorAll(":scope > [data-type]")) {
      section.hidden = lists.hidden.has(section.dataset.type);
      if (!section.hidden) visible++;
    }
    const note = list.querySelector(":scope > .no-match");
    if (!note) continue;
    note.hidden = visible > 0;
    if (list.id === "entity-list" && !visible) {
      const q = entities.query.trim();
      const types = LABEL_ORDER.filter((l) => !lists.hidden.has(l));
      note.textContent = !types.length
        ? "Every entity type is hidden: press one in the legend to show it."
        : q
          ? `No ${types.length < LABEL_ORDER.length ? "shown " : ""}entity matches “${q}”.`
          : "The entity types found are hidden by the legend.";
    }
  }
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
