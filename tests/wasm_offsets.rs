//! The JS API's offsets are UTF-16 code units: JavaScript must be able to `slice` the string it
//! passed in with every `start`/`end` the binding returns and get exactly the `text` reported.
//! Runs on wasm32 only, under Node:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_offsets
//! ```
//! (`scripts/wasm-test.sh` does exactly this.)
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property exists")
}

fn num(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().expect("a number") as u32
}

fn list(obj: &JsValue, key: &str) -> Vec<JsValue> {
    get(obj, key).dyn_into::<Array>().expect("an array").iter().collect()
}

/// Checks every span of `doc` against the JS string `js`: in bounds, ordered, and `text` equal
/// to `js.slice(start, end)`. Returns the number of spans checked.
fn check_spans(js: &JsString, doc: &JsValue) -> usize {
    let len = js.length();
    let mut checked = 0;
    let mut check = |span: &JsValue, with_text: bool| {
        let (s, e) = (num(span, "start"), num(span, "end"));
        assert!(s <= e && e <= len, "span {s}..{e} outside 0..{len}");
        if with_text {
            let sliced: String = js.slice(s, e).into();
            assert_eq!(get(span, "text").as_string().unwrap(), sliced, "text of {s}..{e}");
        }
        checked += 1;
    };
    for key in ["sentences", "paragraphs"] {
        for r in list(doc, key) {
            check(&r, false);
        }
    }
    for key in ["entities", "values"] {
        for e in list(doc, key) {
            check(&e, true);
        }
    }
    for q in list(doc, "quotes") {
        check(&q, true);
        for part in ["speaker", "cue"] {
            let p = get(&q, part);
            if !p.is_null() {
                check(&p, true);
            }
        }
    }
    checked
}

fn annotate_js(text: &str) -> (JsString, JsValue) {
    let js = JsString::from(text);
    let doc = loupe::wasm::annotate(text, None).map_err(JsValue::from).expect("annotate returns a document");
    (js, doc)
}

#[wasm_bindgen_test]
fn entities_after_emoji_accents_and_cjk_slice_correctly() {
    let text = "🎉🎉 Renée Fölster of Kvarnby Bank met 李明 in Zürich on Monday. \
                「東京」 was mentioned 😀 by Ana Lima in São Paulo.\n\n\
                “We will stay,” said Jörg Weiß, the mayor of Göttingen. 👍🏽";
    let (js, doc) = annotate_js(text);
    assert!(js.length() as usize == text.encode_utf16().count());
    let n = check_spans(&js, &doc);
    assert!(n > 3, "sentences and paragraphs at least");
    let entities = list(&doc, "entities");
    assert!(!entities.is_empty(), "the model finds names in this text");
    // A name after astral-plane emoji: its UTF-16 start differs from its code-point start.
    let zurich = entities.iter().find(|e| get(e, "text").as_string().as_deref() == Some("Zürich"));
    if let Some(z) = zurich {
        let byte = text.find("Zürich").unwrap();
        assert_eq!(num(z, "start") as usize, text[..byte].encode_utf16().count());
        assert_ne!(num(z, "start") as usize, text[..byte].chars().count());
    }
}

#[wasm_bindgen_test]
fn values_after_emoji_slice_correctly_and_take_a_reference_date() {
    let text = "😀 €5 😀 12% of 東京 left yesterday.";
    let js = JsString::from(text);
    let doc = loupe::wasm::annotate(text, Some("2016-03-03".into())).map_err(JsValue::from).expect("a document");
    check_spans(&js, &doc);
    let values = list(&doc, "values");
    let texts: Vec<String> = values.iter().map(|v| get(v, "text").as_string().unwrap()).collect();
    assert_eq!(texts, ["€5", "12%", "yesterday"]);
    let iso = get(&get(&values[2], "value"), "iso").as_string();
    assert_eq!(iso.as_deref(), Some("2016-03-02"));
    assert!(loupe::wasm::annotate(text, Some("2016-02-30".into())).is_err(), "not a calendar date");
}

#[wasm_bindgen_test]
fn quote_offsets_follow_utf16_too() {
    let text = "😀😀😀 “Ça va très bien,” said Émile Durand. 東京 «Oui», a-t-il ajouté.";
    let (js, doc) = annotate_js(text);
    check_spans(&js, &doc);
    for q in list(&doc, "quotes") {
        let s = num(&q, "start");
        let first: String = js.slice(s, s + 1).into();
        assert!(["“", "«", "\""].contains(&first.as_str()), "a quote starts at its mark, got {first:?}");
    }
}

#[wasm_bindgen_test]
fn lone_surrogates_become_replacement_chars_of_the_same_length() {
    // JS strings can hold unpaired surrogates; crossing into Rust they become U+FFFD, which is
    // one UTF-16 unit too, so offsets still index the caller's string.
    let js = JsString::from("Ada Quist ")
        .concat(&JsString::from_char_code1(0xD800))
        .concat(&JsString::from(" met Bo Lind in Oslo. "))
        .concat(&JsString::from_char_code1(0xDC00));
    let text: String = js.as_string().expect("converts with replacement");
    assert_eq!(text.encode_utf16().count() as u32, js.length());
    assert!(text.contains('\u{FFFD}'));
    let doc = loupe::wasm::annotate(&text, None).map_err(JsValue::from).expect("no trap");
    for e in list(&doc, "entities") {
        let (s, t) = (num(&e, "start"), num(&e, "end"));
        let original: String = js.slice(s, t).into();
        assert_eq!(get(&e, "text").as_string().unwrap(), original);
    }
}

#[wasm_bindgen_test]
fn hostile_inputs_never_trap() {
    let long = "x".repeat(200_000);
    let quotes = "\"“”«»'‘’".repeat(500);
    let html = "<img src=x onerror=alert(1)><script>alert(1)</script>".repeat(50);
    let junk: String = (0u32..3000).filter_map(|c| char::from_u32(c * 37 % 0x2FFFF)).collect();
    for text in ["", " ", "\n\n\n", long.as_str(), quotes.as_str(), html.as_str(), junk.as_str()] {
        let (js, doc) = annotate_js(text);
        check_spans(&js, &doc);
        // Absent values are null, never undefined, so the shape matches the CLI's JSON.
        for q in list(&doc, "quotes") {
            assert!(!get(&q, "speaker").is_undefined());
            assert!(!get(&q, "cluster").is_undefined());
        }
    }
}

#[wasm_bindgen_test]
fn info_names_the_crate_and_model() {
    let info = loupe::wasm::info().map_err(JsValue::from).expect("info");
    assert_eq!(get(&info, "name").as_string().as_deref(), Some("loupe"));
    assert_eq!(get(&info, "version").as_string().as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert!(get(&info, "model").is_object());
}
