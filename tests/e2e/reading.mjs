// Helpers for the end-to-end tests that read and change the reading view as a person would:
// the entities and quotations drawn, a selection made over words, the panels opened from a
// highlight, a correction applied and its redraw awaited, a file downloaded from the Export
// menu. Shared by the corrections, export and whole-journey tests.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { waitAnnotated } from "./browser.mjs";

/** How many annotations the corrections bar has seen drawn. */
export const drawnCount = (page) => page.$eval("#corrections", (b) => Number(b.dataset.drawn || 0));

/** Runs `action`, then waits until a new annotation is drawn and is the current one. */
export async function afterRedraw(page, action) {
  const n = await drawnCount(page);
  await action();
  await page.waitForFunction((k) => Number(document.getElementById("corrections").dataset.drawn || 0) > k, n, { timeout: 15000 });
  await waitAnnotated(page);
}

/** Entities as drawn: [{text, label, e}] in text order. */
export async function entities(page) {
  return page.$$eval("#reading .ent-head", (heads) =>
    heads.map((h) => {
      const frags = [...document.querySelectorAll(`#reading .ent[data-e="${h.dataset.e}"]`)];
      const textOf = (el) => [...el.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n.matches(".lbl") ? "" : textOf(n))).join("");
      return { text: frags.map(textOf).join(""), label: frags[frags.length - 1].querySelector(".lbl").dataset.label, e: Number(h.dataset.e) };
    }),
  );
}

/** The label of the entity whose text is exactly `text`, or null when there is none. */
export async function labelOf(page, text) {
  const hit = (await entities(page)).find((e) => e.text === text);
  return hit ? hit.label : null;
}

/** Quotations as drawn: [{text, who}] (who: the speaker button's text). */
export async function quotes(page) {
  return page.$$eval("#reading .qchip", (chips) =>
    chips.map((chip) => {
      const frags = [...document.querySelectorAll(`#reading .quote[data-q="${chip.dataset.q}"]`)];
      const textOf = (el) => [...el.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n.matches(".lbl, .qchip") ? "" : textOf(n))).join("");
      return { text: frags.map(textOf).join("").trim(), who: chip.textContent.replace(/^—\s*/, ""), q: chip.dataset.q };
    }),
  );
}

/** Selects the `nth` occurrence of `needle` in the reading view, as a reader's drag would. */
export async function select(page, needle, nth = 0) {
  const ok = await page.evaluate(
    ([needle, nth]) => {
      const reading = document.getElementById("reading");
      // The article text with every text node's place in it (chips and labels are not text).
      const nodes = [];
      let all = "";
      const walker = document.createTreeWalker(reading, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const n = walker.currentNode;
        if (n.parentElement.closest(".lbl, .qchip")) continue;
        nodes.push({ n, at: all.length });
        all += n.textContent;
      }
      let from = -1;
      for (let k = 0; k <= nth; k++) from = all.indexOf(needle, from + 1);
      if (from < 0) return false;
      const to = from + needle.length;
      const point = (pos, isEnd) => {
        for (const { n, at } of nodes) {
          if (pos >= at && (isEnd ? pos <= at + n.textContent.length : pos < at + n.textContent.length)) return [n, pos - at];
        }
        return null;
      };
      const [sn, so] = point(from, false);
      const [en, eo] = point(to, true);
      const range = document.createRange();
      range.setStart(sn, so);
      range.setEnd(en, eo);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return true;
    },
    [needle, nth],
  );
  assert.ok(ok, `“${needle}” is in the reading view`);
  await page.waitForSelector("#sel-tools:not([hidden])");
}

/** Opens the panel of the entity drawn with exactly `text`. */
export async function openEntity(page, text) {
  const e = (await entities(page)).find((x) => x.text === text);
  assert.ok(e, `“${text}” is an entity`);
  await page.click(`#reading .ent-head[data-e="${e.e}"]`);
  await page.waitForSelector("#panel:not([hidden]) .fix");
}

/** Opens the panel of the quotation whose text contains `needle`. */
export async function openQuote(page, needle) {
  const q = (await quotes(page)).find((x) => x.text.includes(needle));
  assert.ok(q, `a quotation with “${needle}”`);
  await page.click(`#reading .qchip[data-q="${q.q}"]`);
  await page.waitForSelector("#panel:not([hidden]) .fix");
}

/** Chooses `format` in the Export menu and returns the downloaded files: [{name, content}]. */
export async function download(page, format, count = 1) {
  const got = [];
  const all = new Promise((resolve) => {
    const on = (d) => {
      got.push(d);
      if (got.length === count) {
        page.off("download", on);
        resolve();
      }
    };
    page.on("download", on);
  });
  await page.click("#export");
  await page.click(`#export-menu [data-format="${format}"]`);
  await all;
  const files = [];
  for (const d of got) files.push({ name: d.suggestedFilename(), content: await readFile(await d.path(), "utf8") });
  await page.waitForSelector("#status[data-kind='done']");
  return files;
}

