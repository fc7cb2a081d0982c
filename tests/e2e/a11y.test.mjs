// End-to-end tests of the reading view's panel, lists, bottom sheet and accessibility, in
// headless Chromium (run by scripts/e2e.sh; LOUPE_URL points at the server it started):
// the panel's list of mentions and its jumps, side lists that follow the legend, the search over
// the entity list, the bottom sheet on a 375×740 phone never covering what was tapped, the
// headline drawn as a heading, and axe-core finding no serious or critical violation in the
// states a reader sees (empty, annotated, entity panel, quote panel; wide and narrow; light and
// dark). The article is invented for these tests.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch, paste } from "./browser.mjs";
import { useBrowser } from "./suite.mjs";
import { SAMPLE } from "../../www/sample.js";

const HEADLINE = "Marlow Falls Library Reopens After Flood Repairs";

/** An invented article: a headline, a librarian named several times, quotes, dates, money. */
const ARTICLE = `${HEADLINE}

MARLOW FALLS — The Marlow Falls Public Library reopened on Monday, eight months after a spring flood closed it, the town council said.

“We lost about 4,000 books, but not the building,” said Irene Castellanos, the head librarian. Castellanos said the repairs cost $1.2 million and took longer than anyone had planned.

Council member Tobias Wren said the town would pay half of the bill. “The rest came from our neighbours,” Wren said.

The Northgate Transit Authority (NTA) will run a free shuttle to the library on Saturdays. A spokesman for the NTA said the buses would start on 14 March.

Castellanos thanked the Harlan Foundation, which gave 300 new books to the children's room. “This place belongs to everyone again,” she said.`;

/** Paragraphs of filler (our own) that push the article's end far below the first screen. */
const FILLER = Array.from(
  { length: 12 },
  (_, i) => `Volunteers spent week ${i + 1} drying shelves, sorting boxes and checking the old reading lamps one by one before the rooms could open again.`,
).join("\n\n");

/** The filler first, then the article: its mentions sit low on a phone's screen. */
const LONG = `${HEADLINE}\n\n${FILLER}\n\n${ARTICLE.slice(HEADLINE.length + 2)}`;

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const browser = useBrowser();

/** Opens a tab on `context` (default: the wide light browser) and checks it stays clean. */
const withPage = browser.withPage;

/** The group id of the entity list entry whose name contains `name`. */
async function groupNamed(page, name) {
  const gi = await page.$$eval(
    "#entity-list .entity-item",
    (items, n) => items.find((b) => b.querySelector(".name").textContent.includes(n))?.dataset.group,
    name,
  );
  assert.ok(gi !== undefined, `${name} is in the entity list`);
  return gi;
}

/** The text of the reading view's headline (an h3), without label chips. */
function headlineText(page) {
  return page.$eval("#reading h3.headline", (h) => {
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    let out = "";
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".lbl, .qchip")) out += walker.currentNode.textContent;
    return out;
  });
}

/** Waits until the window has stopped scrolling (smooth scrolls take a few frames). */
async function settled(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = -1;
        let still = 0;
        const tick = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 6) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

test("the entity panel lists every mention with its sentence; a click or Enter jumps to it", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const gi = await groupNamed(page, "Castellanos");
    await page.click(`#entity-list .entity-item[data-group="${gi}"]`);
    await page.waitForSelector("#panel:not([hidden])");
    const mentions = await page.$$eval("#reading .ent-head.in-group", (els) => els.map((e) => Number(e.dataset.e)));
    assert.ok(mentions.length >= 3, `Castellanos is named at least three times, got ${mentions.length}`);
    const items = await page.$$eval("#panel .mention-item", (bs) =>
      bs.map((b) => ({ text: b.textContent, hit: b.querySelector("mark").textContent, current: b.getAttribute("aria-current") })),
    );
    assert.equal(items.length, mentions.length, "one entry per mention");
    const inText = await page.$$eval("#reading .ent-head.in-group", (els) => {
      const textOf = (el) => [...el.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n.matches(".lbl") ? "" : textOf(n))).join("");
      return els.map((e) => [...document.querySelectorAll(`#reading .ent[data-e="${e.dataset.e}"]`)].map(textOf).join("").trim());
    });
    const flat = ARTICLE.replace(/\s+/g, " ");
    for (const [k, item] of items.entries()) {
      assert.equal(item.hit, inText[k], `entry ${k} marks the mention`);
      // The entry is the mention's sentence from the article (cut with "…" only when long).
      for (const part of item.text.split("…").filter((p) => p.trim())) assert.ok(flat.includes(part), `“${part}” is article text`);
      assert.ok(item.text.length > item.hit.length + 10, `entry ${k} shows a sentence, not just the name`);
    }
    assert.deepEqual(items.map((i) => i.current), ["true", ...items.slice(1).map(() => null)], "the first is current");

    // A click on the third entry jumps to the third mention: focused, highlighted, counted.
    await page.click("#panel .mention-item >> nth=2");
    assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.e)), mentions[2], "focus on the third mention");
    assert.equal(await page.$eval(`#reading .ent-head[data-e="${mentions[2]}"]`, (el) => el.classList.contains("is-current")), true);
    assert.match(await page.textContent("#panel .where"), new RegExp(`3 of ${mentions.length}`));
    assert.equal(await page.getAttribute("#panel .mention-item >> nth=2", "aria-current"), "true");
    assert.equal(await page.$$eval("#panel .mention-item[aria-current]", (bs) => bs.length), 1);
    // The stepper stays.
    await page.click("#panel .step.prev");
    assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.e)), mentions[1]);
    // By keyboard: Enter on an entry.
    await page.focus("#panel .mention-item >> nth=0");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.e)), mentions[0], "Enter jumps too");
    assert.equal(await page.$eval(`#reading .ent-head[data-e="${mentions[0]}"]`, (el) => el.classList.contains("is-current")), true);
  });
});

test("the side lists follow the legend filters", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const visible = (sel) => page.$$eval(sel, (els) => els.filter((e) => e.offsetParent !== null).length);
    assert.ok((await visible('#entity-list [data-type="PER"] .entity-item')) >= 2, "people listed");
    assert.ok((await visible('#entity-list [data-type="LOC"] .entity-item, #entity-list [data-type="ORG"] .entity-item')) >= 1);
    assert.ok((await visible("#quote-list .quote-item")) >= 3, "quotations listed");
    assert.ok((await visible('#value-list [data-type="WHEN"] .value-item')) >= 1, "dates listed");

    await page.click('#legend [data-type="PER"]');
    assert.equal(await visible('#entity-list [data-type="PER"] .entity-item'), 0, "people hidden with their legend button");
    assert.ok((await visible('#entity-list [data-type="ORG"] .entity-item')) >= 1, "organisations still listed");
    await page.click('#legend [data-type="QUOTE"]');
    assert.equal(await visible("#quote-list .quote-item"), 0, "quotations hidden");
    assert.match(await page.textContent("#quote-list .no-match:not([hidden])"), /hidden/);
    await page.click('#legend [data-type="WHEN"]');
    assert.equal(await visible('#value-list [data-type="WHEN"] .value-item'), 0, "dates hidden");
    assert.ok((await visible('#value-list [data-type="AMOUNT"] .value-item')) >= 1, "amounts still listed");

    // Every entity type off: the list says why it is empty.
    for (const t of ["ORG", "LOC", "MISC"]) await page.click(`#legend [data-type="${t}"]`);
    assert.equal(await visible("#entity-list .entity-item"), 0);
    assert.match(await page.textContent("#entity-list .no-match:not([hidden])"), /Every entity type is hidden/);

    // Back on; and a new annotation keeps following the filters the legend has.
    for (const t of ["PER", "QUOTE", "WHEN", "ORG", "LOC", "MISC"]) await page.click(`#legend [data-type="${t}"]`);
    assert.ok((await visible('#entity-list [data-type="PER"] .entity-item')) >= 2);
    assert.ok((await visible("#quote-list .quote-item")) >= 3);
    assert.equal(await visible("#lists .no-match"), 0, "no note while something shows");
    await page.click('#legend [data-type="PER"]');
    await paste(page, `${ARTICLE}\n\nIrene Castellanos will speak on Friday.`);
    assert.equal(await visible('#entity-list [data-type="PER"] .entity-item'), 0, "a new result is filtered too");
  });
});

test("the search box filters the entity list by name or other name", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const search = page.getByLabel("Find an entity");
    assert.equal(await search.getAttribute("type"), "search", "the box is found by its label");
    const names = () => page.$$eval("#entity-list .entity-item", (bs) => bs.filter((b) => b.offsetParent !== null).map((b) => b.querySelector(".name").textContent));
    const all = await names();
    assert.ok(all.length >= 5, `entities listed: ${all}`);

    await search.fill("castel");
    assert.deepEqual(await names(), all.filter((n) => n.toLowerCase().includes("castel")), "by name, any case");
    assert.ok((await names()).length >= 1);
    assert.match(await page.textContent("#entity-search-status"), /1 entity matches/);

    // By another name: the group's aliases as its panel lists them.
    const gi = await groupNamed(page, "Castellanos");
    await search.fill("");
    await page.click(`#entity-list .entity-item[data-group="${gi}"]`);
    const aliases = await page.$$eval("#panel .aliases li", (lis) => lis.map((l) => l.textContent));
    const name = await page.textContent("#panel-title");
    await page.keyboard.press("Escape");
    const other = aliases.find((a) => !name.toLowerCase().includes(a.toLowerCase()));
    if (other) {
      await search.fill(other);
      assert.ok((await names()).includes(name), `“${other}” finds ${name}`);
    }
    // The acronym the article introduces is another name of the transit authority, if the core
    // grouped them; either way the search finds the group that is called "NTA".
    await search.fill("nta");
    assert.ok((await names()).length >= 1, "the NTA is found");

    await search.fill("zzqx");
    assert.deepEqual(await names(), []);
    assert.match(await page.textContent("#entity-list .no-match:not([hidden])"), /No entity matches “zzqx”/);
    assert.match(await page.textContent("#entity-search-status"), /No match/);
    await search.press("Escape");
    assert.equal(await search.inputValue(), "", "Escape clears the box");
    assert.deepEqual(await names(), all, "everything is back");
    assert.equal(await page.isHidden("#entity-list .no-match"), true);
  });
});

test("the core's headline is drawn as a heading and values show the core's description", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    assert.equal(await headlineText(page), HEADLINE, "the headline is a heading");
    assert.equal(await page.$$eval("#reading .headline", (hs) => hs.length), 1);
    // Nothing else is: the first body paragraph stays a paragraph.
    assert.ok((await page.textContent("#reading p")).startsWith("MARLOW FALLS"));
    // A text whose first line is a sentence has no headline.
    await paste(page, ARTICLE.slice(HEADLINE.length + 2));
    assert.equal(await page.$$eval("#reading .headline", (hs) => hs.length), 0);
    // The amount, as the core describes it.
    await paste(page, ARTICLE);
    const money = await page.$$eval("#value-list .value-item", (bs) =>
      bs.map((b) => [b.querySelector(".name").textContent, b.querySelector(".norm")?.textContent]),
    );
    assert.deepEqual(money.find(([n]) => n === "$1.2 million"), ["$1.2 million", "1200000 USD"]);
    await page.click("#value-list .value-item >> text=$1.2 million");
    assert.equal(await page.textContent("#panel .value-description"), "1200000 USD");
  });
});

test("the footer says what Loupe is and that nothing is sent", async () => {
  await withPage(async (page) => {
    const foot = await page.textContent("footer");
    assert.match(foot, /news article/);
    assert.match(foot, /nothing you paste is sent/);
    // The version line comes with the worker's "info" message, after the module has loaded.
    await page.waitForFunction(() => /names model/.test(document.getElementById("about").textContent), null, { timeout: 15000 });
    assert.match(await page.textContent("#about"), /loupe \d+\.\d+\.\d+ · names model/);
    assert.doesNotMatch(foot, /F1|\d\.\d{3}/, "no scores in the footer");
  });
});

test("on a 375×740 phone the bottom sheet never covers the mention, quote or value tapped", async () => {
  const phone = await launch({ viewport: { width: 375, height: 740 } });
  try {
    await withPage(async (page) => {
      await paste(page, LONG);
      /** Scrolls so `sel` sits at y ≈ `y`, taps it, and returns its box and the sheet's top. */
      const tapAt = async (sel, y) => {
        await page.$eval(sel, (el, want) => window.scrollBy(0, el.getBoundingClientRect().top - want), y);
        await settled(page);
        const before = await page.$eval(sel, (el) => el.getBoundingClientRect().top);
        assert.ok(before > 400, `the target starts low on the screen (y=${before.toFixed(0)})`);
        await page.click(sel);
        await page.waitForSelector("#panel:not([hidden])");
        await settled(page);
        return page.evaluate((s) => {
          const r = document.querySelector(s).getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, sheet: document.getElementById("panel").getBoundingClientRect().top };
        }, sel);
      };
      const above = (box, what) => {
        assert.ok(box.sheet < 740 && box.sheet > 200, `the sheet is open (top ${box.sheet})`);
        assert.ok(box.top >= 0, `${what} is not scrolled off the top (${box.top})`);
        assert.ok(box.bottom <= box.sheet, `${what} (y=${box.top.toFixed(0)}–${box.bottom.toFixed(0)}) sits above the sheet (top ${box.sheet.toFixed(0)})`);
      };

      const last = await page.$$eval("#reading .ent-head", (hs) => hs[hs.length - 1].dataset.e);
      above(await tapAt(`#reading .ent-head[data-e="${last}"]`, 600), "the tapped mention");
      await page.keyboard.press("Escape");

      const chip = await page.$$eval("#reading .qchip", (cs) => cs[cs.length - 1].dataset.q);
      above(await tapAt(`#reading .qchip[data-q="${chip}"]`, 620), "the quote's button");
      await page.keyboard.press("Escape");

      const val = await page.$$eval("#reading .val-head", (vs) => vs[vs.length - 1].dataset.v);
      above(await tapAt(`#reading .val-head[data-v="${val}"]`, 580), "the tapped value");
      await page.keyboard.press("Escape");

      // A jump from the panel's mention list lands above the sheet too.
      const gi = await groupNamed(page, "Castellanos");
      await page.click(`#entity-list .entity-item[data-group="${gi}"]`);
      await page.waitForSelector("#panel:not([hidden])");
      const count = await page.$$eval("#panel .mention-item", (bs) => bs.length);
      for (let k = 0; k < count; k++) {
        await page.click(`#panel .mention-item >> nth=${k}`);
        await settled(page);
        const box = await page.evaluate(() => {
          const r = document.activeElement.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, sheet: document.getElementById("panel").getBoundingClientRect().top };
        });
        above(box, `mention ${k + 1} of the list`);
      }
    }, phone.context);
  } finally {
    await phone.close();
  }
});

/** Runs axe-core in the page; returns its serious and critical violations, summarised. */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') refuses an
  // inline <script>, and the engine must not come from the network.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1, 2).join("")}`) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

for (const scheme of ["light", "dark"]) {
  for (const width of [1280, 375]) {
    test(`axe-core: no serious or critical violation, ${scheme}, ${width} px (empty, annotated, entity and quote panels)`, async () => {
      const b = await launch({ colorScheme: scheme, viewport: { width, height: width > 800 ? 900 : 740 } });
      try {
        await withPage(async (page) => {
          const report = {};
          report.empty = await axeViolations(page);
          await page.click("#sample");
          await page.waitForSelector("body[data-state='done'][data-current='true'] #reading:not([hidden])");
          await page.evaluate(() => document.activeElement?.blur());
          report.annotated = await axeViolations(page);
          await page.click("#entity-list .entity-item");
          await page.waitForSelector("#panel:not([hidden]) .mention-item");
          await settled(page);
          report.entity = await axeViolations(page);
          await page.keyboard.press("Escape");
          const chip = await page.$$eval("#reading .qchip", (cs) => cs.findIndex((c) => c.textContent !== "— ?"));
          await page.click(`#reading .qchip >> nth=${chip}`);
          await page.waitForSelector("#panel:not([hidden]) .quote-text");
          await settled(page);
          report.quote = await axeViolations(page);
          await page.keyboard.press("Escape");
          // A legend button switched off (its contrast was once too low).
          await page.click('#legend [data-type="MISC"]');
          await page.click('#legend [data-type="QUOTE"]');
          report.filtered = await axeViolations(page);
          for (const [state, found] of Object.entries(report)) assert.deepEqual(found, [], `${state}: ${JSON.stringify(found, null, 1)}`);
        }, b.context);
      } finally {
        await b.close();
      }
    });
  }
}

test("the sample's headline is a heading too", async () => {
  await withPage(async (page) => {
    await page.click("#sample");
    await page.waitForSelector("body[data-state='done'][data-current='true'] #reading:not([hidden])");
    assert.equal(await headlineText(page), SAMPLE.split("\n")[0]);
  });
});
