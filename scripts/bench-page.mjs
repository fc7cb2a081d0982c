// Measures the page the way a reader gets it, in headless Chromium on localhost:
//   1. total bytes the page downloads (HTML, JS, CSS, WASM with the model), raw and gzipped;
//   2. page open → ready (navigation start to the "loupe-ready" mark: worker up, WASM compiled),
//      on the first visit (from the server) and on repeat visits (from the service worker's
//      cache, which is what every visit after the first gets);
//   3. annotate() time for a 1,000-word article, median of repeated runs measured in the page
//      with performance.now(): the bare WASM call on the main thread, and the round trip through
//      the page's worker (post text → receive the document).
//
// Usage: node scripts/bench-page.mjs [URL]   (default LOUPE_URL or http://127.0.0.1:8080/;
// scripts/serve.sh or `node scripts/serve.mjs` must be serving www/ with a built www/pkg/).

import { gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/browser.mjs";
import { SAMPLE } from "../www/sample.js";

const URL_ = process.argv[2] || process.env.LOUPE_URL || "http://127.0.0.1:8080/";
const LOADS = 7;
const RUNS = 41;
const WARM = 15;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The sample repeated and cut to exactly `n` words (whitespace-separated tokens). */
function article(n) {
  let text = "";
  while (text.split(/\s+/).filter(Boolean).length < n) text += `${SAMPLE}\n\n`;
  const re = /\S+/g;
  let m;
  let count = 0;
  while ((m = re.exec(text)) && ++count < n);
  return text.slice(0, m.index + m[0].length);
}

const { context, close } = await launch();
try {
  // 1. Bytes: everything the first load fetched.
  const page = await context.newPage();
  const bodies = [];
  page.on("response", async (res) => {
    try {
      bodies.push({ url: res.url(), body: await res.body() });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(URL_);
  await page.waitForSelector("html[data-ready='true']", { timeout: 30000 });
  const first = await page.evaluate(() => performance.getEntriesByName("loupe-ready")[0].startTime);
  // The service worker installs after "ready" and takes the page over; later loads come from it.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  let raw = 0;
  let gz = 0;
  const rows = [];
  for (const { url, body } of bodies) {
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    rows.push([new URL(url).pathname, body.length, z]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  console.log("Downloads (bytes, gzip -9):");
  for (const [path, r, z] of rows) console.log(`  ${path.padEnd(24)} ${String(r).padStart(9)} ${String(z).padStart(9)}`);
  console.log(`  ${"TOTAL".padEnd(24)} ${String(raw).padStart(9)} ${String(gz).padStart(9)}  (${(gz / 1e6).toFixed(2)} MB gzipped)`);

  // 2. Open → ready: the first visit above, then repeat visits.
  const ready = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(URL_);
    await page.waitForSelector("html[data-ready='true']", { timeout: 30000 });
    ready.push(await page.evaluate(() => performance.getEntriesByName("loupe-ready")[0].startTime));
  }
  console.log(`Page open → ready, first visit: ${first.toFixed(0)} ms`);
  console.log(`Page open → ready, repeat visits: median ${median(ready).toFixed(0)} ms over ${LOADS} loads (min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)})`);

  // 3. Annotate a 1,000-word article, in the page.
  const text = article(1000);
  const words = text.split(/\s+/).filter(Boolean).length;
  const result = await page.evaluate(
    async ({ text, runs, WARM }) => {
      const mod = await import("./pkg/loupe.js");
      await mod.default();
      // Warm-up: parses the embedded model once and lets the engine tier the code up
      // (baseline-compiled WASM runs several times slower than the optimised tier).
      for (let i = 0; i < WARM; i++) mod.annotate(text);
      const direct = [];
      let entities = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const doc = mod.annotate(text);
        direct.push(performance.now() - t0);
        entities = doc.entities.length;
      }
      const worker = new Worker("./worker.js", { type: "module" });
      await new Promise((resolve) => worker.addEventListener("message", (e) => e.data.type === "info" && resolve(), { once: false }));
      const roundTrip = [];
      const inWorker = [];
      for (let i = 0; i < WARM + runs; i++) {
        const t0 = performance.now();
        const msg = await new Promise((resolve) => {
          const on = (e) => {
            if (e.data.type === "result" && e.data.id === i) {
              worker.removeEventListener("message", on);
              resolve(e.data);
            }
          };
          worker.addEventListener("message", on);
          worker.postMessage({ type: "annotate", id: i, text });
        });
        if (i >= WARM) {
          roundTrip.push(performance.now() - t0);
          inWorker.push(msg.ms);
        }
      }
      worker.terminate();
      return { direct, roundTrip, inWorker, entities };
    },
    { text, runs: RUNS, WARM },
  );
  console.log(`Annotate ${words} words (${text.length} UTF-16 units, ${result.entities} entities), median of ${RUNS} runs after ${WARM} warm-up runs:`);
  console.log(`  annotate() in the page:           ${median(result.direct).toFixed(2)} ms (min ${Math.min(...result.direct).toFixed(2)})`);
  console.log(`  annotate() inside the worker:     ${median(result.inWorker).toFixed(2)} ms`);
  console.log(`  worker round trip (post → doc):   ${median(result.roundTrip).toFixed(2)} ms`);
} finally {
  await close();
}
