// End-to-end tests of the Export menu, the clipboard copies, importing a JSON export, and the
// editor's fixes (the view never switches away from a focused textarea; New and the sample keep
// the previous article; pasting into the reading view asks first). Every export is downloaded
// from the page as a user would and parsed back by a real parser: JSON.parse, csv-parse for the
// CSV files, the brat standoff grammar for .ann lines (offsets checked against the .txt), the
// CoNLL columns with IOB2 validity, and the HTML report opened with JavaScript disabled.
// Run by scripts/e2e.sh (LOUPE_URL points at its server).

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { chromium } from "playwright-core";
import { BASE_URL, CHROMIUM, paste, waitAnnotated } from "./browser.mjs";
import { useBrowser } from "./suite.mjs";
import { SAMPLE } from "../../www/sample.js";
import { download } from "./reading.mjs";

// Our own article: quotations with commas inside, one running over two paragraphs (a newline
// inside a CSV field), straight and curly quote marks (a `"` to double in CSV), a name with an
// apostrophe, amounts and dates, and text outside the Basic Multilingual Plane (code points
// differ from UTF-16 units after it).
const ARTICLE = `Dockers in Calloway walk out over night rotas

CALLOWAY, Friday — Workers at Brindle Port Services walked off the job on Friday after talks over night shifts collapsed, the Calloway Dockers Union said. 🚢

"We asked for safe crossings, fair rotas, and a kettle that works," said Maren Okonjo, who leads the union. "That is not a lot to ask."

The company's chief executive, Piet Vandermolen, said the strike would cost about 40,000 euros a day. “We have offered a 4% raise, twice, and we will offer it again,” he said.

“I have worked on these docks for 31 years, and I have never seen the yard this quiet.

“Nobody wants this, not even the gulls,” said Lotte O'Hara, a crane driver from Westmere.

Talks are due to resume on 12 March at the offices of the Harbour Mediation Board in Calloway.
`;

/** The same article around script and markup payloads, for the HTML report. */
const PAYLOADS = ["<script>window.__pwned = 1; alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", '<a href="javascript:alert(2)">link</a>'];
const HOSTILE = `Payload test in Calloway

"${PAYLOADS[0]} is what I typed," said Maren Okonjo.

Piet Vandermolen of Brindle Port Services wrote ${PAYLOADS[1]} and ${PAYLOADS[2]} on the board.

“Open ${PAYLOADS[3]} now,” said Lotte O'Hara.
`;

let downloadsDir;
const browser = useBrowser(
  {},
  {
    setup: async (b) => {
      await b.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE_URL).origin });
      downloadsDir = await mkdtemp(join(tmpdir(), "loupe-export-"));
    },
    teardown: async () => {
      if (downloadsDir) await rm(downloadsDir, { recursive: true, force: true });
    },
  },
);

const withPage = browser.withPage;

/** Code-point slice of `text` (exported offsets are code points). */
const cpSlice = (text, start, end) => Array.from(text).slice(start, end).join("");

/** The reading view's text without label chips and quote buttons. */
async function readingText(page) {
  return page.$eval("#reading", (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let out = "";
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".lbl, .qchip")) out += walker.currentNode.textContent;
    return out;
  });
}

test("the Export menu opens and moves with the keyboard, and closes on Escape and outside clicks", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    assert.equal(await page.getAttribute("#export", "aria-expanded"), "false");
    await page.focus("#export");
    await page.keyboard.press("Enter");
    assert.equal(await page.getAttribute("#export", "aria-expanded"), "true");
    const focused = () => page.evaluate(() => document.activeElement.textContent);
    assert.match(await focused(), /^JSON/, "Enter focuses the first item");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "CSV: who said what");
    await page.keyboard.press("End");
    assert.match(await focused(), /^Import/);
    await page.keyboard.press("ArrowDown");
    assert.match(await focused(), /^JSON/, "ArrowDown wraps around");
    await page.keyboard.press("ArrowUp");
    assert.match(await focused(), /^Import/, "ArrowUp wraps around");
    await page.keyboard.press("Escape");
    assert.equal(await page.isHidden("#export-menu"), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), "export", "Escape returns to the button");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.isVisible("#export-menu"), true, "ArrowDown opens it");
    await page.mouse.click(5, 500);
    assert.equal(await page.isHidden("#export-menu"), true, "a click outside closes it");
    assert.equal(await page.getAttribute("#export", "aria-expanded"), "false");
  });
});

test("JSON, CSV and CoNLL downloads parse back and agree with the article", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const stem = "dockers-in-calloway-walk-out-over";

    const [json] = await download(page, "json");
    assert.equal(json.name, `${stem}.json`, "named after the article's first words");
    const doc = JSON.parse(json.content);
    assert.equal(doc.loupe_export, 1);
    assert.equal(doc.text, ARTICLE);
    assert.deepEqual(doc.edits, []);
    assert.ok(doc.entities.length >= 6 && doc.quotes.length >= 4, "entities and quotations");
    for (const e of doc.entities) assert.equal(cpSlice(ARTICLE, e.start, e.end), e.text, "entity offsets are code points");
    for (const q of doc.quotes) assert.equal(cpSlice(ARTICLE, q.start, q.end), q.text);

    const [quotes] = await download(page, "quotes-csv");
    assert.equal(quotes.name, `${stem}.quotes.csv`);
    const rows = parseCsv(quotes.content, { columns: true, strict: true });
    assert.deepEqual(Object.keys(rows[0]), ["quote", "speaker", "speaker_group", "group_id", "cue", "paragraph", "start", "end"]);
    assert.equal(rows.length, doc.quotes.length, "one row per quotation");
    for (const r of rows) assert.equal(cpSlice(ARTICLE, Number(r.start), Number(r.end)), r.quote, "the quote field is the text at its offsets");
    assert.ok(rows.some((r) => r.quote.includes(",") && r.quote.includes('"')), "a field with commas and double quotes survived");
    assert.ok(rows.some((r) => r.quote.includes("\n")), "a field with a newline survived");
    assert.ok(rows.some((r) => r.speaker.includes("Okonjo") && r.quote.includes("kettle")), "Okonjo said the kettle line");

    const [entities] = await download(page, "entities-csv");
    const groups = parseCsv(entities.content, { columns: true, strict: true });
    assert.deepEqual(Object.keys(groups[0]), ["id", "name", "type", "aliases", "mentions", "salience"]);
    assert.equal(groups.length, doc.clusters.length);
    assert.ok(groups.some((g) => g.name.includes("Okonjo") && g.type === "PER"));

    const [values] = await download(page, "values-csv");
    const vals = parseCsv(values.content, { columns: true, strict: true });
    assert.equal(vals.length, doc.values.length);
    assert.equal(Object.keys(vals[0]).length, 15);
    for (const v of vals) assert.equal(cpSlice(ARTICLE, Number(v.start), Number(v.end)), v.text);
    assert.ok(vals.some((v) => v.type === "MONEY" && v.unit === "EUR"), "40,000 euros is money in EUR");

    const [conll] = await download(page, "conll");
    assert.equal(conll.name, `${stem}.conll`);
    const words = [];
    let prev = "O";
    for (const line of conll.content.split("\n")) {
      if (line === "") {
        prev = "O"; // a sentence ends
        continue;
      }
      const m = /^(\S+) (O|[BI]-[A-Z]+)$/u.exec(line);
      assert.ok(m, `a "word TAG" line: ${JSON.stringify(line)}`);
      const tag = m[2];
      if (tag.startsWith("I-")) assert.ok(prev === `B-${tag.slice(2)}` || prev === tag, `IOB2: ${tag} after ${prev}`);
      words.push(m[1]);
      prev = tag;
    }
    assert.equal(words.join(""), ARTICLE.replace(/\s+/g, ""), "every character of the article is in exactly one word");
    assert.ok(conll.content.includes("Okonjo I-PER") && conll.content.includes("Westmere B-LOC"));
  });
});

/** brat's standoff lines: text-bound, relation, attribute and note annotations. */
const BRAT = {
  T: /^(T\d+)\t([A-Za-z][\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t([^\n]*)$/u,
  R: /^(R\d+)\t([A-Za-z][\w-]*) Arg1:(T\d+) Arg2:(T\d+)$/u,
  A: /^(A\d+)\t([A-Za-z][\w-]*) ([TRE]\d+)(?: (\S+))?$/u,
  note: /^(#\d+)\tAnnotatorNotes ([TRE]\d+)\t([^\n]*)$/u,
};

test("brat: three files whose .ann lines follow the standoff grammar, offsets matching the .txt", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const files = await download(page, "brat", 3);
    const stem = "dockers-in-calloway-walk-out-over";
    assert.deepEqual(files.map((f) => f.name).sort(), ["annotation.conf", `${stem}.ann`, `${stem}.txt`]);
    const by = Object.fromEntries(files.map((f) => [f.name.replace(/^.*\./, ""), f.content]));
    assert.equal(by.txt, ARTICLE, "the .txt is the article, byte for byte");
    const conf = by.conf;
    const section = (name) => conf.split(`[${name}]`)[1].split("[")[0].split("\n").map((l) => l.split("\t")[0].trim()).filter(Boolean);
    const entityTypes = new Set(section("entities"));
    const relationTypes = new Set(section("relations"));

    const ids = new Map(); // T id → type
    const lines = by.ann.split("\n");
    assert.equal(lines.pop(), "", "the file ends with a newline");
    const kinds = { T: 0, R: 0, note: 0 };
    for (const line of lines) {
      let m;
      if ((m = BRAT.T.exec(line))) {
        kinds.T++;
        assert.ok(!ids.has(m[1]), `unique id ${m[1]}`);
        assert.ok(entityTypes.has(m[2]), `type ${m[2]} is declared in annotation.conf`);
        ids.set(m[1], m[2]);
        const frags = m[3].split(";").map((f) => f.split(" ").map(Number));
        for (const [s, e] of frags) assert.ok(s < e && e <= Array.from(ARTICLE).length, `fragment ${s} ${e} inside the text`);
        const text = frags.map(([s, e]) => cpSlice(ARTICLE, s, e)).join(" ");
        assert.equal(m[4], text, `${m[1]}: the text at its offsets`);
        for (const [s, e] of frags) assert.ok(!/[\n\r]/.test(cpSlice(ARTICLE, s, e)), "no fragment crosses a line break");
      } else if ((m = BRAT.R.exec(line))) {
        kinds.R++;
        assert.ok(relationTypes.has(m[2]), `relation ${m[2]} declared`);
        assert.ok(ids.has(m[3]) && ids.has(m[4]), `${m[1]} links annotations defined before it`);
        assert.equal(ids.get(m[3]), "Quotation");
      } else if ((m = BRAT.note.exec(line))) {
        kinds.note++;
        assert.ok(ids.has(m[2]), `${m[1]} notes a defined annotation`);
      } else if ((m = BRAT.A.exec(line))) {
        assert.ok(ids.has(m[3]));
      } else {
        assert.fail(`not a brat standoff line: ${JSON.stringify(line)}`);
      }
    }
    assert.ok(kinds.T >= 10 && kinds.R >= 4 && kinds.note >= 1, `entities, relations and notes: ${JSON.stringify(kinds)}`);
    const types = new Set(ids.values());
    for (const t of ["PER", "ORG", "LOC", "Quotation", "MONEY"]) assert.ok(types.has(t), `a ${t} annotation`);
    // The quotation over two paragraphs is written as fragments around the line breaks.
    assert.ok(/\tQuotation \d+ \d+;\d+ \d+\t/.test(by.ann), "a multi-fragment quotation");
  });
});

test("the HTML report shows script and markup payloads as inert text, with scripts disabled", async () => {
  let report;
  await withPage(async (page) => {
    await paste(page, HOSTILE);
    [report] = await download(page, "html");
    assert.equal(report.name, "payload-test-in-calloway-script-window.html");
  });
  const file = join(downloadsDir, report.name);
  await writeFile(file, report.content);
  const other = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const javaScriptEnabled of [false, true]) {
      // Scripts off, as asked; then on, to be sure nothing in the file would run anyway.
      const context = await other.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const dialogs = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const requests = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      await page.waitForTimeout(300);
      // The report's text without its type chips ("PER") and speaker chips.
      const shown = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let out = "";
        while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".lbl, .who")) out += walker.currentNode.textContent;
        return out;
      });
      for (const p of PAYLOADS) assert.ok(shown.includes(p), `shown verbatim: ${p}`);
      assert.equal(await page.locator("script").count(), 0, "no script element");
      assert.equal(await page.locator("img, iframe, object, embed").count(), 0, "no embedded content");
      assert.equal(await page.locator("[onerror], [onload], [onclick], [href^='javascript'], [src]").count(), 0, "no handler or script URL");
      assert.ok((await page.locator("mark, .ent, [class*='ent']").count()) > 0, "the article is highlighted");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith("file:")), [], "the report fetches nothing");
      if (javaScriptEnabled) assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await context.close();
    }
  } finally {
    await other.close();
  }
});

test("copy the quotations table and the JSON to the clipboard", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    await page.click("#export");
    await page.click('#export-menu [data-copy="quotes-tsv"]');
    await page.waitForSelector("#status[data-kind='done']");
    assert.match(await page.textContent("#status-text"), /quotations table.*clipboard/);
    // Tab-separated, so a spreadsheet splits it into columns; fields with line breaks quoted.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const table = parseCsv(copied, { columns: true, strict: true, delimiter: "\t" });
    assert.deepEqual(Object.keys(table[0]), ["quote", "speaker", "speaker_group", "group_id", "cue", "paragraph", "start", "end"]);
    for (const r of table) assert.equal(cpSlice(ARTICLE, Number(r.start), Number(r.end)), r.quote);
    assert.ok(table.some((r) => r.quote.includes("\n")), "the two-paragraph quotation is one cell");
    assert.ok(table.length >= 4 && table.some((r) => r.speaker === "he" && r.speaker_group.includes("Vandermolen")));

    await page.click("#export");
    await page.click('#export-menu [data-copy="json"]');
    await page.waitForFunction(() => /JSON export is on the clipboard/.test(document.getElementById("status-text").textContent));
    const doc = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(doc.text, ARTICLE);

    // Without the Clipboard API (a page served over plain http on a LAN address): the
    // execCommand fallback still copies.
    const clip = await page.evaluateHandle(() => navigator.clipboard);
    await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
    await page.evaluate((c) => c.writeText("stale"), clip);
    await page.click("#export");
    await page.click('#export-menu [data-copy="json"]');
    let copied2 = "stale";
    for (let i = 0; i < 50 && copied2 === "stale"; i++) {
      await page.waitForTimeout(100);
      copied2 = await page.evaluate((c) => c.readText(), clip);
    }
    assert.equal(JSON.parse(copied2).text, ARTICLE, "copied by the fallback");
    assert.match(await page.textContent("#status-text"), /JSON export is on the clipboard/);
    assert.equal(await page.evaluate(() => document.querySelectorAll("textarea.offscreen").length), 0, "the fallback's textarea is gone");

    // Nothing to export: a clear message, no download.
    await page.click("#new");
    await page.click("#export");
    await page.click('#export-menu [data-format="json"]');
    await page.waitForSelector("#status[data-kind='error']");
    assert.match(await page.textContent("#status-text"), /Nothing to export/);
  });
});

test("import: a JSON export brings back the article and its corrections; a bad file is refused clearly", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const [json] = await download(page, "json");
    const exported = JSON.parse(json.content);
    // A correction, as the CLI's and the export's edit records are written (code points):
    // Westmere is a place; call it an organisation.
    const w = exported.entities.find((e) => e.text === "Westmere");
    assert.ok(w, "Westmere is found");
    exported.edits = [{ kind: "set_label", start: w.start, end: w.end, text: "Westmere", label: "ORG" }];

    await page.click("#new");
    assert.equal(await page.inputValue("#input"), "");
    await page.setInputFiles("#import-file", { name: "dockers.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), ARTICLE, "the article is back");
    const label = await page.evaluate(() => {
      const head = [...document.querySelectorAll("#reading .ent")].find((el) => el.textContent.startsWith("Westmere"));
      return head && head.querySelector(".lbl").dataset.label;
    });
    assert.equal(label, "ORG", "the correction is applied");
    // Exported again: the same document, with the correction as its edit list.
    const [again] = await download(page, "json");
    const back = JSON.parse(again.content);
    assert.equal(back.text, ARTICLE);
    assert.equal(back.edits.length, 1);
    assert.equal(back.edits[0].kind, "set_label");
    assert.equal(back.entities.find((e) => e.text === "Westmere").label, "ORG");
    const strip = ({ entities, clusters, ...rest }) => rest;
    assert.deepEqual(strip({ ...back, edits: [] }), strip(JSON.parse(json.content)), "the rest of the document is unchanged");

    // A JSON file that is not an export, dropped on the page: refused with the reason; the
    // article stays.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{"hello": "world"}'], "notes.json", { type: "application/json" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector("#status[data-kind='error']");
    assert.match(await page.textContent("#status-text"), /Could not import “notes\.json”: .*loupe_export/);
    assert.equal(await page.inputValue("#input"), ARTICLE);

    // The original export dropped on the page: imported the same way.
    await page.click("#new");
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], "dockers.json", { type: "application/json" }));
      window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, json.content);
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), ARTICLE);
    const strip2 = (s) => s.replace(/\s+/g, "");
    assert.equal(strip2(await readingText(page)), strip2(ARTICLE));
  });
});

test("typing, pausing and typing on: every keystroke lands in the textarea, which keeps focus", async () => {
  await withPage(async (page) => {
    await page.click("#new");
    const first = "Maren Okonjo met Piet Vandermolen in Calloway. ";
    const second = "They talked for an hour about night rotas.";
    await page.keyboard.type(first, { delay: 5 });
    await page.waitForTimeout(1500); // longer than the typing pause: the text is annotated meanwhile
    await page.waitForSelector("body[data-state='done'][data-current='true']");
    assert.equal(await page.evaluate(() => document.activeElement.id), "input", "focus stayed in the textarea");
    assert.match(await page.textContent("#status-text"), /press Esc or “Show annotations”/);
    assert.equal(await page.isVisible("#input"), true, "the editor is still shown");
    assert.equal(await page.isVisible("#read"), true, "“Show annotations” is offered");
    await page.keyboard.type(second, { delay: 5 });
    await page.waitForTimeout(1500);
    await page.keyboard.type("!");
    assert.equal(await page.inputValue("#input"), `${first}${second}!`, "no keystroke was lost");
    // Esc asks for the highlights; leaving the textarea shows them too.
    await page.keyboard.press("Escape");
    await waitAnnotated(page);
    assert.ok((await page.$$("#reading .ent")).length >= 3);
    await page.click("#edit");
    await page.keyboard.press("End");
    await page.keyboard.type(" Nobody else came.");
    await page.waitForTimeout(1200);
    assert.equal(await page.evaluate(() => document.activeElement.id), "input");
    await page.keyboard.press("Shift+Tab"); // back to the header: the textarea is left
    await waitAnnotated(page);
    assert.match(await readingText(page), /Nobody else came\.$/);
    assert.doesNotMatch(await page.textContent("#status-text"), /press Esc/, "the hint is gone once the highlights show");
  });
});

test("New and Try a sample keep the previous article: Undo brings it back, also after a reload", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    await page.click("#new");
    assert.equal(await page.inputValue("#input"), "");
    assert.equal(await page.evaluate(() => document.activeElement.id), "input", "New puts the cursor in the empty editor");
    assert.equal(await page.isVisible("#restore"), true);
    assert.match(await page.textContent("#restore-text"), /Replaced “Dockers in Calloway/);
    await page.click("#restore-undo");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), ARTICLE);

    await page.click("#sample");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), SAMPLE);
    assert.match(await page.textContent("#restore-text"), /Replaced “Dockers in Calloway/);
    await page.waitForTimeout(500); // the text is saved after a short delay
    await page.reload();
    await page.waitForSelector("html[data-ready='true']");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), SAMPLE, "the sample survives the reload");
    assert.equal(await page.isVisible("#restore"), true, "the earlier article is still offered");
    await page.click("#restore-undo");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), ARTICLE, "and comes back");
    // Undo again swaps back: nothing is lost by undoing.
    await page.click("#restore-undo");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), SAMPLE);
    await page.click("#restore-forget");
    assert.equal(await page.isHidden("#restore"), true);
  });
});

test("pasting into the reading view replaces the article after a confirm", async () => {
  await withPage(async (page) => {
    await paste(page, ARTICLE);
    const replacement = "Westmere ferry returns, says Lotte O'Hara\n\n“It is back,” said Lotte O'Hara in Westmere.\n";
    await page.evaluate((t) => navigator.clipboard.writeText(t), replacement);
    await page.focus("#reading");
    await page.keyboard.press("Control+V");
    await page.waitForSelector("#paste-dialog[open]");
    assert.match(await page.textContent("#paste-text"), /Westmere ferry returns/);
    await page.click("#paste-cancel");
    assert.equal(await page.isHidden("#paste-dialog"), true);
    assert.equal(await page.inputValue("#input"), ARTICLE, "Cancel keeps the article");

    // From a highlight inside the reading view, Enter confirms (Replace has focus).
    await page.focus("#reading .ent-head");
    await page.keyboard.press("Control+V");
    await page.waitForSelector("#paste-dialog[open]");
    assert.equal(await page.evaluate(() => document.activeElement.id), "paste-replace");
    await page.keyboard.press("Enter");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), replacement);
    assert.match(await readingText(page), /It is back/);
    await page.click("#restore-undo");
    await waitAnnotated(page);
    assert.equal(await page.inputValue("#input"), ARTICLE, "Undo brings the article back");
  });
});
