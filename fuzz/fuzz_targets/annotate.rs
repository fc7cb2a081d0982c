//! Any bytes, read as (lossy) UTF-8, through the whole pipeline and both offset views: no
//! panic, and every span stays inside the text, in order, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loupe::view::{DocumentView, Unit};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = loupe::annotate(&text);
    assert_eq!(doc.text, text);
    let ok = |s: loupe::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    let mut prev = 0;
    for t in &doc.tokens {
        assert!(ok(t.span) && t.span.start >= prev);
        prev = t.span.end;
    }
    let mut prev = 0;
    for e in &doc.entities {
        assert!(ok(e.span) && e.span.start >= prev);
        prev = e.span.end;
    }
    let mut prev = 0;
    for q in &doc.quotes {
        assert!(ok(q.span) && q.span.start >= prev);
        assert!(q.speaker.map_or(true, ok) && q.cue.map_or(true, ok));
        prev = q.span.end;
    }
    for unit in [Unit::CodePoint, Unit::Utf16] {
        let v = DocumentView::new(&doc, unit);
        assert_eq!(v.entities.len(), doc.entities.len());
    }
});
