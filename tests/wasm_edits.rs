//! The JS face of corrections and exports: edit records with UTF-16 offsets in, the edited
//! document, the applied and dropped edits out (UTF-16 again), exports as `[{name, content}]`,
//! and the JSON export read back by `import_json`. Runs on wasm32 only, under Node
//! (`scripts/wasm-test.sh`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property exists")
}

fn num(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().expect("a number") as u32
}

fn list(obj: &JsValue) -> Vec<JsValue> {
    obj.clone().dyn_into::<Array>().expect("an array").iter().collect()
}

fn ok(r: Result<JsValue, wasm_bindgen::JsError>) -> JsValue {
    r.map_err(JsValue::from).expect("no error")
}

const TEXT: &str = "😀😀 Mara Okafor met Dev Patel in Lakeport.\n\n“We will wait,” Okafor said.";

/// UTF-16 offsets of the first `needle`.
fn utf16(needle: &str) -> (usize, usize) {
    let b = TEXT.find(needle).unwrap();
    let s = TEXT[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

#[wasm_bindgen_test]
fn edits_in_utf16_apply_and_come_back_in_utf16() {
    let (ls, le) = utf16("Lakeport");
    let edits = JSON::parse(&format!(
        r#"[{{"kind":"set_label","start":{ls},"end":{le},"text":"Lakeport","label":"ORG"}},
            {{"kind":"remove_entity","start":0,"end":4,"text":"Nobody"}}]"#
    ))
    .unwrap();
    let out = ok(loupe::wasm::annotate_with_edits(TEXT, edits, None, None));
    let js = JsString::from(TEXT);
    let doc = get(&out, "document");
    let lake = list(&get(&doc, "entities"))
        .into_iter()
        .find(|e| get(e, "text").as_string().as_deref() == Some("Lakeport"))
        .expect("Lakeport");
    assert_eq!(get(&lake, "label").as_string().as_deref(), Some("ORG"));
    assert_eq!((num(&lake, "start") as usize, num(&lake, "end") as usize), (ls, le));
    let applied = list(&get(&out, "applied"));
    assert_eq!(applied.len(), 1);
    let (s, e) = (num(&applied[0], "start"), num(&applied[0], "end"));
    assert_eq!(String::from(js.slice(s, e)), "Lakeport");
    let dropped = list(&get(&out, "dropped"));
    assert_eq!(num(&dropped[0], "index"), 1);
    assert!(get(&dropped[0], "reason").as_string().unwrap().contains("Nobody"));
    assert_eq!(get(&get(&dropped[0], "edit"), "text").as_string().as_deref(), Some("Nobody"));
    // null and undefined mean no edits.
    let plain = ok(loupe::wasm::annotate_with_edits(TEXT, JsValue::NULL, None, None));
    assert_eq!(list(&get(&plain, "applied")).len(), 0);
}

#[wasm_bindgen_test]
fn export_and_import_round_trip() {
    let (ls, le) = utf16("Lakeport");
    let edits =
        JSON::parse(&format!(r#"[{{"kind":"set_label","start":{ls},"end":{le},"text":"Lakeport","label":"ORG"}}]"#))
            .unwrap();
    let brat = list(&ok(loupe::wasm::export_files(TEXT, edits.clone(), "brat", "a", None)));
    let names: Vec<String> = brat.iter().map(|f| get(f, "name").as_string().unwrap()).collect();
    assert_eq!(names, ["a.txt", "a.ann", "annotation.conf"]);
    let json = list(&ok(loupe::wasm::export_files(TEXT, edits.clone(), "json", "a", None)));
    let content = get(&json[0], "content").as_string().unwrap();
    let back = ok(loupe::wasm::import_json(&content));
    assert_eq!(get(&back, "text").as_string().as_deref(), Some(TEXT));
    let edit = &list(&get(&back, "edits"))[0];
    assert_eq!((num(edit, "start") as usize, num(edit, "end") as usize), (ls, le));
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_trap() {
    assert!(loupe::wasm::export_files(TEXT, JsValue::NULL, "xml", "a", None).is_err());
    assert!(loupe::wasm::annotate_with_edits(TEXT, JSON::parse(r#"[{"kind":"nope"}]"#).unwrap(), None, None).is_err());
    assert!(loupe::wasm::annotate_with_edits(TEXT, JsValue::from_str("edits"), None, None).is_err());
    assert!(loupe::wasm::import_json("{\"text\": 1}").is_err());
}
