//! `annotate_with_progress`, the binding the page's worker calls: it gives the very document
//! `annotate` gives, calls the JS callback with `{stage, done, total}` in stage order, and turns
//! an exception thrown by the callback into an error instead of a trap. Runs on wasm32 only,
//! under Node (`scripts/wasm-test.sh`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Reflect, JSON};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn text() -> String {
    // Invented; long enough for several entity blocks.
    "Mayor Lidia Samper told the Corvale Herald on Friday that the Brenna Water Board \
     would rebuild the old weir. \u{201c}It will take two summers,\u{201d} she said.\n\n"
        .repeat(4000)
}

/// A progress callback that records every report it is given, and the array it records into.
fn recorder() -> (Array, Closure<dyn FnMut(JsValue)>) {
    let calls = Array::new();
    let sink = calls.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
        sink.push(&p);
    });
    (calls, cb)
}

fn field(p: &JsValue, k: &str) -> JsValue {
    Reflect::get(p, &k.into()).unwrap()
}

/// The stages reported, each once, in the order they came.
fn stages(calls: &Array) -> Vec<String> {
    let mut stages: Vec<String> = calls.iter().map(|p| field(&p, "stage").as_string().unwrap()).collect();
    stages.dedup();
    stages
}

#[wasm_bindgen_test]
fn progress_comes_in_stage_order_and_changes_nothing() {
    let text = text();
    let (calls, cb) = recorder();
    let with =
        loupe::wasm::annotate_with_progress(&text, cb.as_ref().unchecked_ref(), None).map_err(JsValue::from).unwrap();
    let plain = loupe::wasm::annotate(&text, None).map_err(JsValue::from).unwrap();
    assert_eq!(JSON::stringify(&with).unwrap(), JSON::stringify(&plain).unwrap());

    assert_eq!(stages(&calls), ["text", "entities", "values", "quotes", "clusters"]);
    let last_entities = calls.iter().filter(|p| field(p, "stage").as_string().unwrap() == "entities").last().unwrap();
    let (done, total) =
        (field(&last_entities, "done").as_f64().unwrap(), field(&last_entities, "total").as_f64().unwrap());
    assert!(total > 50_000.0 && done == total, "tagging ends with done == total: {done} of {total}");
}

#[wasm_bindgen_test]
fn an_exception_in_the_callback_is_an_error_not_a_trap() {
    let throws = Function::new_with_args("p", "throw new Error('stop here')");
    let err =
        JsValue::from(loupe::wasm::annotate_with_progress("Ana Lima flew to Lisbon.", &throws, None).unwrap_err());
    let message = field(&err, "message").as_string().unwrap();
    assert!(message.contains("progress callback failed: stop here"), "{message}");
    // The binding is still usable afterwards.
    assert!(loupe::wasm::annotate("Ana Lima flew to Lisbon.", None).is_ok());
}

#[wasm_bindgen_test]
fn annotate_with_edits_reports_progress_too_and_gives_the_same_document() {
    // The page's worker annotates through `annotate_with_edits` with a callback: the stages
    // come in order, and the document is `annotate`'s when there are no edits.
    let text = text();
    let (calls, cb) = recorder();
    let on_progress: Function = cb.as_ref().unchecked_ref::<Function>().clone();
    let edited = loupe::wasm::annotate_with_edits(&text, Array::new().into(), None, Some(on_progress))
        .map_err(JsValue::from)
        .unwrap();
    let doc = Reflect::get(&edited, &"document".into()).unwrap();
    let plain = loupe::wasm::annotate(&text, None).map_err(JsValue::from).unwrap();
    assert_eq!(JSON::stringify(&doc).unwrap(), JSON::stringify(&plain).unwrap());
    assert_eq!(stages(&calls), ["text", "entities", "values", "quotes", "clusters"]);

    let throws = Function::new_with_args("p", "throw new Error('halt')");
    let err = JsValue::from(
        loupe::wasm::annotate_with_edits("Ana Lima flew to Lisbon.", JsValue::NULL, None, Some(throws)).unwrap_err(),
    );
    let message = field(&err, "message").as_string().unwrap();
    assert!(message.contains("progress callback failed: halt"), "{message}");
}
