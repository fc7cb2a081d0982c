// The `loupe` JS package in a browser: another origin's page imports target/js/index.js (which
// fetches loupe_bg.wasm beside it) under the page's strict CSP, served by scripts/serve.mjs, in
// Debian's Chromium (tests/e2e/browser.mjs).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { launch } from "../e2e/browser.mjs";

const root = (p) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
let server, base, browser;

before(async () => {
  server = spawn(process.execPath, [root("scripts/serve.mjs"), "--port", "0", "--root", root("target/js")]);
  const [line] = await once(server.stdout, "data");
  base = String(line).trim();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("import { annotate } from index.js works in a page, offsets in UTF-16", async () => {
  const page = await browser.context.newPage();
  await page.goto(`${base}README.md`);
  const text = "Zoë Ng 😀 visited Tromsø.\n\n“The ferry runs again 🎉,” said Mayor Ana Ruiz of Lisbon.";
  const got = await page.evaluate(async (t) => {
    const { annotate } = await import("/index.js");
    const doc = annotate(t);
    return { quote: doc.quotes[0], slices: doc.entities.map((e) => [t.slice(e.start, e.end), e.text]) };
  }, text);
  assert.equal(got.quote.start, text.indexOf("“"));
  assert.ok(got.slices.length > 0);
  for (const [slice, expected] of got.slices) assert.equal(slice, expected);
});
