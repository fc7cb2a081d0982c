// A tiny static file server for www/, with no dependencies.
//
// Why not `python3 -m http.server`: the page needs `application/wasm` for streaming
// compilation, a Content-Security-Policy header matching the page's meta tag (the worker gets
// its policy from its own response), and a guarantee that nothing outside www/ is served.
//
// Usage: node scripts/serve.mjs [--port N] [--root DIR]
// Starts on 127.0.0.1 at port N (default 8080) or the next free one, and prints the URL as the
// first line on stdout.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const here = fileURLToPath(new URL(".", import.meta.url));
const ROOT = resolve(opt("--root", join(here, "..", "www")));
const FIRST_PORT = Number(opt("--port", process.env.PORT || 8080));
const HOST = "127.0.0.1";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function send(res, status, body) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** Maps a URL path to a file under ROOT, or null when it would leave ROOT. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  if (path.endsWith("/")) path += "index.html";
  const full = resolve(ROOT, `.${path.startsWith("/") ? path : `/${path}`}`);
  return full === ROOT || full.startsWith(ROOT + sep) ? full : null;
}

const server = createServer(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "Only GET and HEAD.\n");
  }
  const file = fileFor(req.url || "/");
  if (!file) return send(res, 403, "Forbidden.\n");
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, "Not found.\n");
  }
  if (!info.isFile()) return send(res, 404, "Not found.\n");
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file).toLowerCase()] || "application/octet-stream",
    "Content-Length": info.size,
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).on("error", () => res.destroy()).pipe(res);
});

/** Listens on `port`, or the next free one (up to `triesLeft` more); port 0 lets the OS pick. */
function listen(port, triesLeft) {
  const onError = (err) => {
    if (err.code === "EADDRINUSE" && triesLeft > 0) listen(port + 1, triesLeft - 1);
    else {
      console.error(`serve: cannot listen on ${HOST}:${port}: ${err.message}. Set another port with --port N.`);
      process.exit(1);
    }
  };
  server.once("error", onError);
  server.listen(port, HOST);
}

server.once("listening", () => {
  server.removeAllListeners("error");
  console.log(`http://${HOST}:${server.address().port}/`);
});
listen(FIRST_PORT, FIRST_PORT === 0 ? 0 : 50);

for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
