// Entry point of the `loupe` package for browsers, bundlers and Deno: instantiates the module
// beside this file before anything is exported (top-level await), so an importer can call
// `annotate` at once. Node takes node.js instead (package.json "exports"), since its fetch
// cannot read file: URLs. The API itself is wasm-bindgen's loupe.js; nothing is added here.
import init from "./loupe.js";

await init({ module_or_path: new URL("./loupe_bg.wasm", import.meta.url) });

export * from "./loupe.js";
