// One headless Chromium per test file: the node:test hooks that launch it before the file's
// tests and close it after, and `withPage` for a clean tab on it. Apart from browser.mjs, which
// the page benchmark also imports, outside the test runner.

import { before, after } from "node:test";
import { launch, withCleanPage } from "./browser.mjs";

/**
 * Launches a browser for this test file (`options` as for `launch`); `setup(browser)` runs
 * right after the launch and `teardown()` after the close. Returns `context` (the browser's
 * context, once launched) and `withPage(body, context?)`: a tab that must stay clean.
 */
export function useBrowser(options = {}, { setup, teardown } = {}) {
  let browser;
  before(async () => {
    browser = await launch(options);
    await setup?.(browser);
  });
  after(async () => {
    await browser?.close();
    await teardown?.();
  });
  return {
    get context() {
      return browser.context;
    },
    withPage: (body, context = browser.context) => withCleanPage(context, body),
  };
}
