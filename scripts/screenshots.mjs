// Screenshots of the page with the sample annotated, for looking at it as a reader would:
// light and dark, wide (1280 px) and narrow (375 px), plain and with the panel open on an
// entity, on a quote and on a value. Usage: node scripts/screenshots.mjs OUT_DIR [URL]

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, waitAnnotated } from "../tests/e2e/browser.mjs";

const out = process.argv[2] || "/tmp/shots";
const url = process.argv[3] || process.env.LOUPE_URL || "http://127.0.0.1:8080/";
mkdirSync(out, { recursive: true });

for (const scheme of ["light", "dark"]) {
  for (const width of [1280, 375]) {
    const { context, close } = await launch({ colorScheme: scheme, viewport: { width, height: width > 800 ? 900 : 740 } });
    try {
      const { page } = await openPage(context, { url });
      await page.click("#sample");
      await waitAnnotated(page);
      await page.evaluate(() => document.activeElement?.blur());
      const name = (what) => join(out, `${scheme}-${width}-${what}.png`);
      await page.screenshot({ path: name("sample"), fullPage: width > 800 });
      // The entity with the most mentions, opened from the list.
      await page.click("#entity-list .entity-item");
      await page.waitForTimeout(900);
      await page.screenshot({ path: name("entity") });
      await page.keyboard.press("Escape");
      // A quote with a speaker, opened from the text.
      const chip = await page.$$eval("#reading .qchip", (cs) => cs.findIndex((c) => c.textContent !== "— ?"));
      if (chip >= 0) {
        await (await page.$$("#reading .qchip"))[chip].click();
        await page.waitForTimeout(900);
        await page.screenshot({ path: name("quote") });
      }
      // A value (date, amount or number), opened from the "Numbers & dates" list.
      await page.keyboard.press("Escape");
      const item = await page.$("#value-list .value-item");
      if (item) {
        await item.click();
        await page.waitForTimeout(900);
        await page.screenshot({ path: name("value") });
      }
      console.log(`${scheme} ${width}: done`);
    } finally {
      await close();
    }
  }
}
