// Entry point of the `loupe` package for Node: reads loupe_bg.wasm beside this file and
// instantiates it synchronously, so `import { annotate } from "loupe"` is ready to call.
// The API itself is wasm-bindgen's loupe.js; nothing is added here.
import { readFileSync } from "node:fs";
import { initSync } from "./loupe.js";

initSync({ module: readFileSync(new URL("./loupe_bg.wasm", import.meta.url)) });

export * from "./loupe.js";
