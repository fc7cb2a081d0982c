// End-to-end tests of corrections in the page (headless Chromium, see page.test.mjs): every
// correction kind made through the page's controls, undo and redo (buttons and keys), the
// corrections surviving a reload, edits of the text around a correction keeping it attached,
// and a correction whose text was deleted listed as dropped with its reason.
//
// The article is our own invention. What the core makes of it without corrections is not
// asserted beyond what each test needs to start from: each test first checks its premise
// (e.g. that "Kestrel Ness" is still taken for an organisation), so a better model fails a
// premise loudly instead of making a test pass for the wrong reason.

import { test } from "node:test";
import assert from "node:assert/strict";
import { paste, waitAnnotated } from "./browser.mjs";
import { useBrowser } from "./suite.mjs";
import { afterRedraw, entities, labelOf, openEntity, openQuote, quotes, select } from "./reading.mjs";

const ARTICLE = [
  "Harbourside council leader Ines Valcourt said on Tuesday that the Brackwater ferry would keep running through the winter.",
  "“We will not leave the islands cut off,” Valcourt told reporters at the Quayline Transport depot. Her deputy, Tomas Reyes, was more careful.",
  "Reyes said the budget was tight. “Nobody should expect miracles,” he said, adding that Quayline had asked for more time.",
  "A resident, Odile Farrow, called the decision a relief for Kestrel Ness.",
].join("\n\n");

const browser = useBrowser();

const withPage = browser.withPage;

/** Pastes `text` over the whole of the textarea's text, as select-all and paste would. */
async function pasteOver(page, text) {
  await page.evaluate((t) => {
    if (document.getElementById("editor").hidden) document.getElementById("edit").click();
    const input = document.getElementById("input");
    input.select();
    input.dispatchEvent(new InputEvent("beforeinput", { bubbles: true, cancelable: true, inputType: "insertFromPaste" }));
    input.value = t;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  await waitAnnotated(page);
}

const correctionCount = async (page) => Number((await page.textContent("#correction-list summary")).match(/\((\d+)\)/)[1]);

test("a selection becomes an entity or a quotation; undo and redo by button and by key", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    assert.equal(await labelOf(page, "Harbourside"), null, "premise: “Harbourside” is no entity yet");
    assert.ok(!(await quotes(page)).some((q) => q.text.includes("a relief")), "premise: no quotation on “a relief”");
    assert.equal(await page.isDisabled("#undo"), true, "nothing to undo yet");

    // Select a word: the toolbar offers the types; mark it as a place.
    await select(page, "Harbourside");
    await afterRedraw(page, () => page.click("#sel-tools [data-fix='add-LOC']"));
    assert.equal(await labelOf(page, "Harbourside"), "LOC");
    assert.equal(await correctionCount(page), 1);
    // The new entity's panel is open on it.
    assert.equal(await page.textContent("#panel-title"), "Harbourside");
    assert.equal(await page.isHidden("#sel-tools"), true, "the toolbar goes once used");

    // A real double-click on a word selects it and brings the toolbar too.
    const at = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.getElementById("reading"), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const n = walker.currentNode;
        const k = n.textContent.indexOf("ferry");
        if (k < 0) continue;
        const r = document.createRange();
        r.setStart(n, k + 1);
        r.setEnd(n, k + 2);
        const box = r.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    });
    assert.ok(at, "the word “ferry” is drawn");
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForSelector("#sel-tools:not([hidden])");
    await afterRedraw(page, () => page.click("#sel-tools [data-fix='add-MISC']"));
    assert.equal(await labelOf(page, "ferry"), "MISC", "the double-clicked word is an entity");
    await afterRedraw(page, () => page.click("#undo"));
    assert.equal(await labelOf(page, "ferry"), null);

    // Keyboard: Tab after selecting reaches the toolbar; arrows move in it; Enter applies.
    await select(page, "Tuesday");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.fix), "add-PER", "Tab goes to the toolbar");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.fix), "add-quote", "arrows wrap around");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.fix), "add-MISC");
    await afterRedraw(page, () => page.keyboard.press("Enter"));
    assert.equal(await labelOf(page, "Tuesday"), "MISC", "marked from the keyboard");
    await afterRedraw(page, () => page.click("#undo"));
    assert.equal(await labelOf(page, "Tuesday"), null);

    // A half-selected word is widened to the whole word by the core.
    await select(page, "alled the decision a relie");
    await afterRedraw(page, () => page.click("#sel-tools [data-fix='add-quote']"));
    const added = (await quotes(page)).find((q) => q.text.includes("a relief"));
    assert.ok(added, "the selection is a quotation");
    assert.equal(added.text, "called the decision a relief", "widened to whole words");
    assert.equal(await correctionCount(page), 2);

    // Undo (button): the quotation goes; undo (Ctrl+Z, focus in the article): the entity goes.
    await afterRedraw(page, () => page.click("#undo"));
    assert.ok(!(await quotes(page)).some((q) => q.text.includes("a relief")), "undone: no quotation");
    assert.equal(await correctionCount(page), 1);
    await page.focus("#reading");
    await afterRedraw(page, () => page.keyboard.press("Control+z"));
    assert.equal(await labelOf(page, "Harbourside"), null, "undone: no entity");
    assert.equal(await page.isDisabled("#undo"), true);
    // Redo twice: Ctrl+Shift+Z, then Ctrl+Y.
    await afterRedraw(page, () => page.keyboard.press("Control+Shift+Z"));
    assert.equal(await labelOf(page, "Harbourside"), "LOC", "redone: the entity");
    await page.focus("#reading");
    await afterRedraw(page, () => page.keyboard.press("Control+y"));
    assert.ok((await quotes(page)).some((q) => q.text.includes("a relief")), "redone: the quotation");
    assert.equal(await page.isDisabled("#redo"), true, "nothing left to redo");

    // Accessible names and shortcuts of the buttons.
    assert.equal((await page.textContent("#undo")).trim(), "Undo");
    assert.equal(await page.getAttribute("#undo", "aria-keyshortcuts"), "Control+Z");
    assert.match(await page.getAttribute("#redo", "aria-keyshortcuts"), /Control\+Shift\+Z/);

    // Ctrl+Z in the article's textarea is the textarea's own undo, not a correction's.
    await page.click("#edit");
    await page.focus("#input");
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(300);
    assert.equal(await correctionCount(page), 2, "Ctrl+Z in the textarea leaves the corrections");
    // The list names what was changed, and a correction can be taken out of it.
    await page.click("#read");
    await waitAnnotated(page);
    await page.click("#correction-list summary");
    const items = await page.$$eval("#correction-items li", (lis) => lis.map((li) => li.textContent));
    assert.ok(items[0].includes("Harbourside") && items[0].includes("Place"), items[0]);
    assert.ok(items[1].includes("quotation"), items[1]);
    // Each correction that left something to show opens it.
    await page.click("#correction-items li:nth-child(2) .correction-link");
    await page.waitForSelector("#panel:not([hidden])");
    assert.equal(await page.textContent("#panel-title"), "Quotation");
    assert.match(await page.textContent("#panel .quote-text"), /called the decision a relief/);
    await page.click("#correction-items li:first-child .correction-link");
    assert.equal(await page.textContent("#panel-title"), "Harbourside");
    await afterRedraw(page, () => page.click("#correction-items li:first-child button[aria-label^='Remove the correction']"));
    assert.equal(await labelOf(page, "Harbourside"), null, "the removed correction no longer applies");
    assert.equal(await correctionCount(page), 1);
  });
});

test("the entity panel changes a type, merges two groups (“same as…”), splits a mention off and removes one", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    assert.equal(await labelOf(page, "Kestrel Ness"), "ORG", "premise: the model takes Kestrel Ness for an organisation");

    // Change the type: the group becomes a place.
    await openEntity(page, "Kestrel Ness");
    await afterRedraw(page, () => page.click("#panel [data-fix='type-LOC']"));
    assert.equal(await labelOf(page, "Kestrel Ness"), "LOC");
    assert.equal(await page.getAttribute("#panel [data-fix='type-LOC']", "aria-pressed"), "true", "the panel reopens on it");

    // Split "Quayline" off "Quayline Transport", to put it back with "Same as…" below.
    await openEntity(page, "Quayline");
    assert.match(await page.textContent("#panel .meta"), /2 mentions/, "premise: Quayline is grouped with Quayline Transport");
    await afterRedraw(page, () => page.click("#panel [data-fix='split']"));
    await openEntity(page, "Quayline");
    assert.match(await page.textContent("#panel .meta"), /1 mention\b/, "Quayline is a group of its own");

    // Same as…: a picker with a search box over the groups.
    const groupsBefore = await page.$$eval("#entity-list .entity-item", (b) => b.length);
    await openEntity(page, "Quayline");
    await page.click("#panel [data-fix='same-as']");
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("picker-search")), true, "focus in the search box");
    await page.fill("#panel .picker-search", "transp");
    const offered = await page.$$eval("#panel .picker-item .picker-name", (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual(offered, ["Quayline Transport"], "the search narrows the groups");
    await afterRedraw(page, () => page.keyboard.press("Enter"));
    const groupsAfter = await page.$$eval("#entity-list .entity-item", (b) => b.length);
    assert.equal(groupsAfter, groupsBefore - 1, "one group fewer");
    const merged = await page.$$eval("#entity-list .entity-item", (bs) => bs.map((b) => b.getAttribute("aria-label")));
    assert.ok(merged.some((l) => /Quayline Transport, 2 mentions/.test(l)), `a group of two: ${merged}`);
    assert.equal(await page.textContent("#panel-title"), "Quayline Transport", "the panel shows the merged group");
    assert.match(await page.textContent("#panel .meta"), /Organisation · 2 mentions/, "the merged group is an organisation");

    // Split a mention off its group: "Reyes" leaves "Tomas Reyes".
    await openEntity(page, "Reyes");
    assert.match(await page.textContent("#panel .meta"), /2 mentions/, "premise: Reyes is grouped with Tomas Reyes");
    await afterRedraw(page, () => page.click("#panel [data-fix='split']"));
    await openEntity(page, "Reyes");
    assert.match(await page.textContent("#panel .meta"), /1 mention\b/, "Reyes is a group of its own");

    // Remove an entity.
    assert.ok(await labelOf(page, "Brackwater"), "premise: Brackwater is an entity");
    await openEntity(page, "Brackwater");
    await afterRedraw(page, () => page.click("#panel [data-fix='remove']"));
    assert.equal(await labelOf(page, "Brackwater"), null);
    assert.notEqual(await page.evaluate(() => document.activeElement), null);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), false, "focus is not dropped on <body>");
    assert.equal(await correctionCount(page), 5);
  });
});

test("the quotation panel changes the speaker (a group, the selected text, nobody) and removes a quotation", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const before = (await quotes(page)).find((q) => q.text.includes("miracles"));
    assert.ok(before && !before.who.includes("Valcourt"), `premise: “miracles” is not Valcourt’s (${before && before.who})`);

    // Pick a group from the searchable list.
    await openQuote(page, "miracles");
    await page.click("#panel [data-fix='speaker']");
    await page.fill("#panel .picker-search", "valc");
    await afterRedraw(page, () => page.click("#panel .picker-item"));
    assert.equal((await quotes(page)).find((q) => q.text.includes("miracles")).who, "Ines Valcourt");
    assert.equal(await page.textContent("#panel-title"), "Quotation", "the quotation's panel is open again");

    // Nobody.
    await page.click("#panel [data-fix='speaker']");
    await afterRedraw(page, () => page.click("#panel [data-fix='nobody']"));
    assert.equal((await quotes(page)).find((q) => q.text.includes("miracles")).who, "?");

    // The selected text as speaker: from the toolbar while the quotation's panel is open…
    await select(page, "Her deputy");
    assert.equal(await page.isVisible("#sel-tools [data-fix='sel-speaker']"), true);
    await afterRedraw(page, () => page.click("#sel-tools [data-fix='sel-speaker']"));
    assert.equal((await quotes(page)).find((q) => q.text.includes("miracles")).who, "Her deputy");
    // …and from the panel's "use selected text" button.
    await select(page, "A resident");
    await page.click("#panel [data-fix='speaker']");
    assert.match(await page.textContent("#panel [data-fix='use-selection']"), /A resident/);
    await afterRedraw(page, () => page.click("#panel [data-fix='use-selection']"));
    assert.equal((await quotes(page)).find((q) => q.text.includes("miracles")).who, "A resident");

    // Remove a quotation.
    await openQuote(page, "cut off");
    await afterRedraw(page, () => page.click("#panel [data-fix='remove-quote']"));
    assert.ok(!(await quotes(page)).some((q) => q.text.includes("cut off")), "the quotation is gone");
    assert.ok((await page.textContent("#quote-list")).includes("miracles"), "the other stays listed");
    assert.equal(await correctionCount(page), 5);
  });
});

test("corrections survive a reload, follow their text when it is edited, and one whose text is gone is listed as dropped", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    await openEntity(page, "Quayline Transport");
    await afterRedraw(page, () => page.click("#panel [data-fix='type-ORG']"));
    await openEntity(page, "Brackwater");
    await afterRedraw(page, () => page.click("#panel [data-fix='remove']"));
    assert.equal(await labelOf(page, "Quayline Transport"), "ORG");
    assert.equal(await labelOf(page, "Brackwater"), null);

    // Reload: the text and both corrections are back.
    await page.reload();
    await page.waitForSelector("html[data-ready='true']");
    await waitAnnotated(page);
    assert.equal(await correctionCount(page), 2, "the list is restored");
    assert.equal(await labelOf(page, "Quayline Transport"), "ORG", "the type change survives the reload");
    assert.equal(await labelOf(page, "Brackwater"), null, "the removal survives the reload");

    // Edit the text around the corrections: a new first paragraph moves every offset.
    const edited = `Late news from the coast.\n\n${ARTICLE.replace("the Quayline Transport depot", "the busy Quayline Transport depot on the quay")}`;
    await afterRedraw(page, () => paste(page, edited));
    assert.equal(await labelOf(page, "Quayline Transport"), "ORG", "the type change follows its text");
    assert.equal(await labelOf(page, "Brackwater"), null, "the removal follows its text");
    assert.equal(await page.isHidden("#dropped"), true, "nothing dropped");
    assert.equal(await correctionCount(page), 2);

    // Delete the text one correction applies to: it is dropped, listed with its reason.
    const without = edited.replace(" the Brackwater ferry would", " the ferry would");
    await afterRedraw(page, () => paste(page, without));
    assert.equal(await page.isVisible("#dropped"), true, "the notice is shown");
    const notice = await page.textContent("#dropped");
    assert.match(notice, /1 correction could not be placed/);
    assert.match(notice, /Brackwater/);
    assert.match(notice, /no longer in the text/);
    assert.equal(await correctionCount(page), 1, "the kept list holds the one still placed");
    assert.equal(await labelOf(page, "Quayline Transport"), "ORG");

    // The dropped one is still there after a reload, until dismissed.
    await page.reload();
    await page.waitForSelector("html[data-ready='true']");
    await waitAnnotated(page);
    assert.match(await page.textContent("#dropped"), /Brackwater/, "the notice survives a reload");
    await page.click("#dropped button:has-text('Dismiss')");
    assert.equal(await page.isHidden("#dropped"), true);
    await page.reload();
    await page.waitForSelector("html[data-ready='true']");
    await waitAnnotated(page);
    assert.equal(await page.isHidden("#dropped"), true, "dismissed for good");
    assert.equal(await correctionCount(page), 1);
  });
});

test("another article does not inherit the corrections, and gets them back when it returns", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    await openEntity(page, "Brackwater");
    await afterRedraw(page, () => page.click("#panel [data-fix='remove']"));
    assert.equal(await correctionCount(page), 1);
    // A different article pasted over the whole text starts with no corrections, even where it
    // shares the word the correction applies to.
    const other = "The Brackwater ferry sails from Port Anselm to Kestrel Island twice a day, said Mira Holt.";
    await pasteOver(page, other);
    await waitAnnotated(page);
    assert.equal(await correctionCount(page), 0, "no corrections carried over");
    assert.ok(await labelOf(page, "Brackwater"), "Brackwater is an entity in the other article");
    assert.equal(await page.isHidden("#dropped"), true);
    // The first article again: its correction is back.
    await pasteOver(page, ARTICLE);
    await page.waitForFunction(() => /\(1\)/.test(document.querySelector("#correction-list summary").textContent));
    await page.waitForFunction(() => ![...document.querySelectorAll("#reading .ent")].some((e) => e.textContent.startsWith("Brackwater")));
  });
});

test("saved corrections the core refuses are set aside and listed, and the article is still annotated", async () => {
  await withPage(async (page) => {
    // A store written by hand (or by another version): a set_label without its label.
    const key = await page.evaluate(async (t) => (await import("./edits.js")).textKey(t), ARTICLE);
    await page.addInitScript(
      ([t, k]) => {
        localStorage.setItem("loupe.text.v1", t);
        const bad = { kind: "set_label", start: 0, end: 11, text: "Harbourside" };
        localStorage.setItem("loupe.edits.v1", JSON.stringify({ [k]: { edits: [bad], dropped: [], at: 1 } }));
      },
      [ARTICLE, key],
    );
    await page.reload();
    await page.waitForSelector("html[data-ready='true']");
    await waitAnnotated(page);
    assert.ok((await entities(page)).length > 3, "annotated without the refused list");
    assert.equal(await correctionCount(page), 0);
    const notice = await page.textContent("#dropped");
    assert.match(notice, /1 correction could not be placed/);
    assert.match(notice, /needs a "label"/, notice);
  });
});

test("a correction in a long article applies where it was made and keeps the reader's place", async () => {
  await withPage(async (page) => {
    // Long enough to be drawn in slices (render.js BIG): the page is short while it redraws.
    let long = "";
    for (let k = 0; long.length < 200000; k++) long += `${ARTICLE}\n\nSection ${k + 1} ends here.\n\n`;
    await paste(page, long, { timeout: 60000 });
    const count = async () => (await entities(page)).filter((e) => e.text === "Brackwater").length;
    const before = await count();
    assert.ok(before > 50, `premise: Brackwater many times (${before})`);
    // The 150th mention, in the middle of the page.
    const e = (await entities(page)).filter((x) => x.text === "Brackwater")[150].e;
    const head = `#reading .ent-head[data-e="${e}"]`;
    await page.$eval(head, (el) => el.scrollIntoView({ block: "center" }));
    assert.ok((await page.evaluate(() => window.scrollY)) > 2000, "premise: scrolled well down");
    // Where the mention's paragraph is in the window, once drawn (until then a long article's
    // paragraphs have estimated heights).
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await frames();
    const block = await page.$eval(head, (el) => el.closest("p").dataset.start);
    const topOf = () => page.$eval(`#reading p[data-start="${block}"]`, (p) => p.getBoundingClientRect().top);
    const y = await topOf();
    await page.click(head);
    await page.waitForSelector("#panel:not([hidden]) .fix");
    await afterRedraw(page, () => page.click("#panel [data-fix='remove']"));
    assert.equal(await count(), before - 1, "exactly that mention is no longer an entity");
    await page
      .waitForFunction(([b, y0]) => Math.abs(document.querySelector(`#reading p[data-start="${b}"]`).getBoundingClientRect().top - y0) < 20, [block, y], { timeout: 3000 })
      .catch(() => {});
    await frames();
    const after = await topOf();
    assert.ok(Math.abs(after - y) < 20, `the paragraph stays where it was in the window (${y} → ${after})`);
  });
});
