// A search box over a list of choices (the groups of an article), for the corrections that
// name another entity: "same as…" and "said by". Why its own module: a long article has
// hundreds of groups, so the list is filtered as the reader types and only the first
// PICKER_MAX are drawn; the keyboard moves between the box and the list.

import { el } from "./panel.js";

/** Choices drawn before the reader narrows them with the search box. */
const PICKER_MAX = 40;

function button(label, onClick, className) {
  const b = el("button", className, label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/**
 * A search box labelled `label` over `items` ([{name, detail, label?, value}]; an item's
 * `label` is an entity type, drawn as its chip) with a list of buttons; `onPick(value)` when
 * one is chosen. `extra` elements go between the box and the list. Escape in the box sends
 * "picker-close". Returns the element.
 */
export function picker(label, items, onPick, { extra = [] } = {}) {
  const wrap = el("div", "picker");
  const id = `pick-${Math.random().toString(36).slice(2, 8)}`;
  const lab = el("label", "picker-label", label);
  lab.htmlFor = id;
  const search = el("input", "picker-search");
  search.type = "search";
  search.id = id;
  search.autocomplete = "off";
  search.placeholder = "Search names";
  const list = el("ul", "picker-list");
  list.setAttribute("aria-label", label);
  const note = el("p", "picker-note muted");
  note.setAttribute("aria-live", "polite");
  const fill = () => {
    const q = search.value.trim().toLowerCase();
    const hits = items.filter((it) => !q || it.name.toLowerCase().includes(q) || (it.detail || "").toLowerCase().includes(q));
    list.replaceChildren();
    for (const it of hits.slice(0, PICKER_MAX)) {
      const b = button("", () => onPick(it.value), "linkish picker-item");
      if (it.label) {
        const chip = el("span", `chip ent-${it.label}`, it.label);
        chip.setAttribute("aria-hidden", "true");
        b.append(chip);
      }
      b.append(el("span", "picker-name", ` ${it.name}`));
      if (it.detail) b.append(el("span", "picker-detail muted", ` ${it.detail}`));
      list.append(el("li", null, b));
    }
    note.textContent = hits.length > PICKER_MAX ? `${hits.length} names; showing ${PICKER_MAX}, type to narrow them.` : hits.length ? "" : "No name matches.";
  };
  search.addEventListener("input", fill);
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      list.querySelector("button")?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      list.querySelector("button")?.click();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      wrap.dispatchEvent(new CustomEvent("picker-close", { bubbles: true }));
    }
  });
  list.addEventListener("keydown", (event) => {
    const items = [...list.querySelectorAll("button")];
    const k = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && k >= 0 && k + 1 < items.length) {
      event.preventDefault();
      items[k + 1].focus();
    } else if (event.key === "ArrowUp" && k >= 0) {
      event.preventDefault();
      (k > 0 ? items[k - 1] : search).focus();
    }
  });
  fill();
  wrap.append(lab, search, ...extra, list, note);
  return wrap;
}
