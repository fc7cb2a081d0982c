//! Any bytes, read as (lossy) UTF-8, through the whole pipeline and both offset views: no
//! panic, and every invariant of `Document::check` holds (spans inside the text, in order, on
//! char boundaries; layers consistent).
#![no_main]

use libfuzzer_sys::fuzz_target;
use loupe::view::{DocumentView, Unit};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = loupe::annotate(&text);
    assert_eq!(doc.text, text);
    if let Err(e) = doc.check() {
        panic!("{e}");
    }
    for unit in [Unit::CodePoint, Unit::Utf16] {
        let v = DocumentView::new(&doc, unit);
        assert_eq!(v.entities.len(), doc.entities.len());
    }
});
