// Shared helpers for the end-to-end tests and the page benchmark: start Debian's Chromium via
// playwright-core (no browser download), open the served page, and record what the page does
// (console errors, dialogs, every request URL) so each test can assert on it.

import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The page under test; scripts/e2e.sh sets LOUPE_URL to the server it started. */
export const BASE_URL = process.env.LOUPE_URL || "http://127.0.0.1:8080/";

/**
 * Launches a fresh headless Chromium with its own empty profile.
 * Returns {context, close}; `context` is a persistent Playwright BrowserContext.
 */
export async function launch({ colorScheme = "light", viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "loupe-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the page and starts recording. Returns {page, log} where log has
 * consoleErrors, pageErrors, dialogs and requests (every URL the page asked for). With `fresh`,
 * the page's saved text is cleared first.
 */
export async function openPage(context, { url = BASE_URL, fresh = true } = {}) {
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") log.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => log.pageErrors.push(String(err)));
  page.on("dialog", async (dialog) => {
    log.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  context.on("request", (req) => log.requests.push(req.url()));
  if (fresh) {
    // The profile is shared by the tests of one run: empty the origin's store before loading
    // (clearing from inside the app would not do: it saves its text again when it is left).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.clearDataForOrigin", { origin: new URL(url).origin, storageTypes: "local_storage" });
    await cdp.detach();
  }
  await page.goto(url);
  await page.waitForSelector("html[data-ready='true']", { timeout: 15000 });
  return { page, log };
}

/** Puts `text` in the input as a paste would (the page annotates at once) and waits for the result. */
export async function paste(page, text, { timeout = 30000 } = {}) {
  await page.evaluate((t) => {
    const input = document.getElementById("input");
    if (input.closest("[hidden]")) document.getElementById("edit").click();
    input.value = t;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  await waitAnnotated(page, { timeout });
}

/** Waits until the reading view shows the annotation of the current text. */
export async function waitAnnotated(page, { timeout = 30000 } = {}) {
  await page.waitForSelector("body[data-state='done'][data-current='true'] #reading:not([hidden])", { timeout });
}

/**
 * Opens a tab in `context`, runs `body(page, log)`, then checks the page stayed clean: no
 * uncaught error, console error or dialog, and no request outside the page's own origin.
 */
export async function withCleanPage(context, body) {
  const origin = new URL(BASE_URL).origin;
  const { page, log } = await openPage(context);
  try {
    await body(page, log);
    assert.deepEqual(log.pageErrors, [], "uncaught errors in the page");
    assert.deepEqual(log.consoleErrors, [], "console errors");
    assert.deepEqual(log.dialogs, [], "dialogs opened");
    const foreign = log.requests.filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], "requests outside the page's origin");
  } finally {
    await page.close();
  }
}
