// Types of the `loupe` package: wasm-bindgen's declarations, whose document types
// (DocumentView, EntityView, QuoteView, …) are generated from src/view.rs by tsify.
export * from "./loupe.js";
