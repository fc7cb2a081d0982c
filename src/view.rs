//! The document as the outside world sees it: plain serializable structs with offsets in the
//! unit the caller speaks.
//!
//! The core works on byte offsets. The CLI's JSON speaks Unicode code points (like Python and
//! the reference scorer); the JS API speaks UTF-16 code units (JavaScript string indices). This
//! module is the only place offsets are converted, so the two faces cannot drift apart.

use serde::Serialize;

use crate::doc::{Document, ParagraphKind, Span};
use crate::edits::{Edit, Report};
use crate::values::Normal;

/// The unit offsets are expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (Python `str` indices).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
    /// Bytes of UTF-8 (Rust `str` indices); no conversion.
    Byte,
}

/// Converts byte offsets of one text to another unit in O(log n) per lookup after an O(n)
/// pass. Offsets that are not on a char boundary are never produced by the core; if one is
/// asked for, it is rounded down to the boundary before it.
pub struct OffsetMap {
    unit: Unit,
    /// Checkpoints (byte, unit) at the start and the end of every non-ASCII char, sorted;
    /// between two checkpoints the text is ASCII and the mapping is linear. Pure-ASCII text
    /// (most news) costs nothing.
    bytes: Vec<usize>,
    units: Vec<usize>,
}

impl OffsetMap {
    /// The map for `text` (one pass over it).
    ///
    /// ```
    /// use loupe::view::{OffsetMap, Unit};
    /// use loupe::Span;
    ///
    /// let text = "Café “Olé” 😀 Paris";
    /// let paris = Span::new(text.find("Paris").unwrap(), text.len());
    /// assert_eq!(OffsetMap::new(text, Unit::CodePoint).span(paris), (13, 18));
    /// assert_eq!(OffsetMap::new(text, Unit::Utf16).span(paris), (14, 19));
    /// ```
    pub fn new(text: &str, unit: Unit) -> OffsetMap {
        let mut bytes = Vec::new();
        let mut units = Vec::new();
        if unit != Unit::Byte {
            // Checkpoints at every non-ASCII char and right after it; between checkpoints the
            // mapping is linear (ASCII: 1 byte = 1 unit).
            let mut u = 0usize;
            for (b, c) in text.char_indices() {
                let w = c.len_utf8();
                if w > 1 {
                    bytes.push(b);
                    units.push(u);
                }
                u += match unit {
                    Unit::CodePoint => 1,
                    Unit::Utf16 => c.len_utf16(),
                    Unit::Byte => w,
                };
                if w > 1 {
                    bytes.push(b + w);
                    units.push(u);
                }
            }
        }
        OffsetMap { unit, bytes, units }
    }

    /// Converts a byte offset to the map's unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == Unit::Byte {
            return byte;
        }
        // Last checkpoint at or before `byte`.
        match self.bytes.partition_point(|&b| b <= byte) {
            0 => byte,
            i => {
                let (b0, u0) = (self.bytes[i - 1], self.units[i - 1]);
                // Inside a multi-byte char (odd index = char start checkpoint): round down.
                if i % 2 == 1 && byte > b0 {
                    return u0;
                }
                u0 + (byte - b0)
            }
        }
    }

    /// Converts both ends of a span.
    pub fn span(&self, s: Span) -> (usize, usize) {
        (self.convert(s.start), self.convert(s.end))
    }

    /// Converts an offset in the map's unit back to a byte offset: the inverse of
    /// [`OffsetMap::convert`]. An offset inside a char (half a surrogate pair) rounds down to
    /// the char's start; one past the end of the text maps past its end (callers check).
    ///
    /// ```
    /// use loupe::view::{OffsetMap, Unit};
    ///
    /// let text = "😀 Paris";
    /// let m = OffsetMap::new(text, Unit::Utf16);
    /// assert_eq!(m.to_byte(3), text.find("Paris").unwrap());
    /// assert_eq!(m.to_byte(1), 0);
    /// ```
    pub fn to_byte(&self, unit: usize) -> usize {
        if self.unit == Unit::Byte {
            return unit;
        }
        match self.units.partition_point(|&u| u <= unit) {
            0 => unit,
            i => {
                let (b0, u0) = (self.bytes[i - 1], self.units[i - 1]);
                if i % 2 == 1 && unit > u0 {
                    return b0;
                }
                b0 + (unit - u0)
            }
        }
    }

    /// Every anchor of `edits` converted with `f` (a method of this map).
    fn edits(&self, edits: &[Edit], f: impl Fn(&OffsetMap, usize) -> usize) -> Vec<Edit> {
        let mut out = edits.to_vec();
        for a in out.iter_mut().flat_map(Edit::anchors_mut) {
            a.start = f(self, a.start);
            a.end = f(self, a.end);
        }
        out
    }

    /// Edit records from a face (offsets in the map's unit) with byte offsets, for the core.
    pub fn edits_to_bytes(&self, edits: &[Edit]) -> Vec<Edit> {
        self.edits(edits, OffsetMap::to_byte)
    }

    /// Edit records of the core (byte offsets) with offsets in the map's unit, for a face.
    pub fn edits_from_bytes(&self, edits: &[Edit]) -> Vec<Edit> {
        self.edits(edits, OffsetMap::convert)
    }
}

/// Runs [`crate::annotate_with_edits`] for a face: `given` has offsets in `unit` (code points
/// from an edit file, UTF-16 from JS); returns the document, the core's report (byte offsets,
/// for exports) and the report in `unit`.
pub fn annotate_with_edits(
    text: &str,
    options: &crate::Options,
    given: &[Edit],
    unit: Unit,
) -> (Document, Report, ReportView) {
    annotate_with_edits_and_progress(text, options, given, unit, &mut |_| {})
}

/// [`annotate_with_edits`] with progress calls, as [`crate::annotate_with_progress`] makes them.
pub fn annotate_with_edits_and_progress(
    text: &str,
    options: &crate::Options,
    given: &[Edit],
    unit: Unit,
    on_progress: &mut dyn FnMut(crate::Progress),
) -> (Document, Report, ReportView) {
    let edits = OffsetMap::new(text, unit).edits_to_bytes(given);
    let (doc, report) = crate::annotate_with_edits_and_progress(text, options, &edits, on_progress);
    let view = ReportView::new(text, given, &report, unit);
    (doc, report, view)
}

/// An edit that could not be applied, as a face reports it: the record as the caller gave it.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct DroppedView {
    /// Its index in the list given.
    pub index: usize,
    /// Why, in words for the reader.
    pub reason: String,
    /// The record as given.
    pub edit: Edit,
}

/// What became of a list of edits, offsets in the caller's unit: `applied` is the list to keep
/// for the article (placed on the current text, with context), `dropped` the ones that could
/// not be placed or applied.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ReportView {
    /// Applied edits, in the order given.
    pub applied: Vec<Edit>,
    /// Dropped edits.
    pub dropped: Vec<DroppedView>,
}

impl ReportView {
    /// The view of `report` for the edits `given` (in `unit`, as the caller passed them) on
    /// `text`.
    pub fn new(text: &str, given: &[Edit], report: &Report, unit: Unit) -> ReportView {
        let map = OffsetMap::new(text, unit);
        ReportView {
            applied: map.edits_from_bytes(&report.applied),
            dropped: report
                .dropped
                .iter()
                .filter_map(|d| {
                    let edit = given.get(d.index)?.clone();
                    Some(DroppedView { index: d.index, reason: d.reason.clone(), edit })
                })
                .collect(),
        }
    }
}

/// A span with its text (speaker, cue). Offsets in the view's unit, end exclusive.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SpanView {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// A span without its text (sentences, paragraphs).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RangeView {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// An entity mention.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct EntityView {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// "PER", "ORG", "LOC" or "MISC".
    pub label: &'static str,
    /// The mention's text.
    pub text: String,
    /// Index into [`DocumentView::clusters`].
    pub cluster: Option<usize>,
}

/// A value expression: date, time, money, percentage, quantity or number.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ValueView {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL" or "ORDINAL".
    pub label: &'static str,
    /// The expression's text.
    pub text: String,
    /// Its normalised value ([`Normal`]), `null` when the text does not say enough.
    pub value: Option<Normal>,
    /// The normalised value in a few words for people ("about 12.5%", "2016-03-03"): the
    /// same line the exports write ([`crate::export::normal::describe`]); `null` with `value`.
    pub description: Option<String>,
}

/// A quotation, its speaker mention and speech cue.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct QuoteView {
    /// Start offset (the opening mark).
    pub start: usize,
    /// End offset (exclusive, after the closing mark).
    pub end: usize,
    /// The quotation, marks included.
    pub text: String,
    /// Who said it, as written ("Carter", "he", "the spokesman").
    pub speaker: Option<SpanView>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<SpanView>,
    /// Index into [`DocumentView::clusters`] of the speaker, when known.
    pub cluster: Option<usize>,
}

/// An entity: the mentions that refer to it.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ClusterView {
    /// Its index in [`DocumentView::clusters`].
    pub id: usize,
    /// "PER", "ORG", "LOC" or "MISC".
    pub label: &'static str,
    /// The most complete proper name used.
    pub name: String,
    /// Other surface forms, most frequent first.
    pub aliases: Vec<String>,
    /// Indices into [`DocumentView::entities`], in text order.
    pub mentions: Vec<usize>,
    /// How central the entity is to the article, in `0.0..=1.0`.
    pub salience: f32,
}

/// The JSON document of the design card (README): what the CLI prints and the binding returns.
///
/// ```
/// use loupe::view::{DocumentView, Unit};
///
/// let doc = loupe::annotate("“Prices will fall,” said Ana Ruiz.");
/// let view = DocumentView::new(&doc, Unit::CodePoint);
/// assert_eq!(view.quotes[0].start, 0);
/// assert_eq!(view.quotes[0].speaker.as_ref().map(|s| s.text.as_str()), Some("Ana Ruiz"));
/// ```
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct DocumentView {
    /// Sentences in text order.
    pub sentences: Vec<RangeView>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<RangeView>,
    /// The article's headline (its first paragraph, when the text layer judged it one), or
    /// `null`.
    pub headline: Option<RangeView>,
    /// Entity mentions in text order.
    pub entities: Vec<EntityView>,
    /// Value expressions in text order (never overlapping an entity).
    pub values: Vec<ValueView>,
    /// Quotations in text order.
    pub quotes: Vec<QuoteView>,
    /// Entities, ordered by first mention.
    pub clusters: Vec<ClusterView>,
}

impl DocumentView {
    /// Builds the view of `doc` with offsets in `unit`.
    pub fn new(doc: &Document, unit: Unit) -> DocumentView {
        let map = OffsetMap::new(&doc.text, unit);
        let text = |s: Span| s.of(&doc.text).to_string();
        let range = |s: Span| {
            let (start, end) = map.span(s);
            RangeView { start, end }
        };
        let span = |s: Span| {
            let (start, end) = map.span(s);
            SpanView { start, end, text: text(s) }
        };
        DocumentView {
            sentences: doc.sentences.iter().map(|s| range(s.span)).collect(),
            paragraphs: doc.paragraphs.iter().map(|p| range(p.span)).collect(),
            headline: doc.paragraphs.iter().find(|p| p.kind == ParagraphKind::Headline).map(|p| range(p.span)),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let (start, end) = map.span(e.span);
                    EntityView { start, end, label: e.label.as_str(), text: text(e.span), cluster: e.cluster }
                })
                .collect(),
            values: doc
                .values
                .iter()
                .map(|v| {
                    let (start, end) = map.span(v.span);
                    let description = v.normal.as_ref().map(crate::export::normal::describe).filter(|d| !d.is_empty());
                    ValueView {
                        start,
                        end,
                        label: v.label.as_str(),
                        text: text(v.span),
                        value: v.normal.clone(),
                        description,
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let (start, end) = map.span(q.span);
                    QuoteView {
                        start,
                        end,
                        text: text(q.span),
                        speaker: q.speaker.map(span),
                        cue: q.cue.map(span),
                        cluster: q.cluster,
                    }
                })
                .collect(),
            clusters: doc
                .clusters
                .iter()
                .enumerate()
                .map(|(id, c)| ClusterView {
                    id,
                    label: c.label.as_str(),
                    name: c.name.clone(),
                    aliases: c.aliases.clone(),
                    mentions: c.mentions.clone(),
                    salience: c.salience,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_get_offsets_in_the_faces_units() {
        let text = "Café: €5 😀 12% of 東京 paid 5,000 yuan.";
        let doc = crate::annotate(text);
        for unit in [Unit::CodePoint, Unit::Utf16] {
            let view = DocumentView::new(&doc, unit);
            let got: Vec<(&str, &str)> = view.values.iter().map(|v| (v.text.as_str(), v.label)).collect();
            assert_eq!(got, [("€5", "MONEY"), ("12%", "PERCENT"), ("5,000 yuan", "MONEY")]);
            for v in &view.values {
                let expected = match unit {
                    Unit::CodePoint => text.chars().skip(v.start).take(v.end - v.start).collect::<String>(),
                    _ => String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[v.start..v.end]).unwrap(),
                };
                assert_eq!(expected, v.text);
            }
        }
    }

    #[test]
    fn values_carry_the_exports_description() {
        let doc = crate::annotate("The council spent about €12,500 on 3 March 2026 and some more later.");
        let view = DocumentView::new(&doc, Unit::CodePoint);
        assert!(!view.values.is_empty());
        for (v, core) in view.values.iter().zip(&doc.values) {
            let expected = core.normal.as_ref().map(crate::export::normal::describe).filter(|d| !d.is_empty());
            assert_eq!(v.description, expected, "{}", v.text);
        }
        let money = view.values.iter().find(|v| v.label == "MONEY").expect("the amount");
        assert_eq!(money.description.as_deref(), Some("about 12500 EUR"));
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["values"][0]["description"], "about 12500 EUR");
    }

    #[test]
    fn the_headline_is_a_range_in_the_faces_units() {
        let text = "Café Owners Win the Right to Stay\n\n“We stay,” said Léa Martin on Tuesday.";
        for unit in [Unit::CodePoint, Unit::Utf16] {
            let view = DocumentView::new(&crate::annotate(text), unit);
            let h = view.headline.clone().expect("a headline");
            assert_eq!((h.start, h.end), (0, 33));
            assert_eq!(view.paragraphs[0], h);
        }
        let none = DocumentView::new(&crate::annotate("“We stay,” said Léa Martin.\n\nShe left."), Unit::Utf16);
        assert_eq!(none.headline, None);
        assert!(serde_json::to_value(&none).unwrap()["headline"].is_null());
    }

    #[test]
    fn ascii_is_identity() {
        let m = OffsetMap::new("plain text", Unit::Utf16);
        assert_eq!(m.convert(0), 0);
        assert_eq!(m.convert(5), 5);
        assert_eq!(m.convert(10), 10);
    }

    #[test]
    fn emoji_accents_cjk() {
        // "é" is 2 bytes / 1 cp / 1 unit; "😀" 4 bytes / 1 cp / 2 units; "東" 3 bytes / 1 / 1.
        let t = "é😀東x";
        let cp = OffsetMap::new(t, Unit::CodePoint);
        let u16 = OffsetMap::new(t, Unit::Utf16);
        let ends: Vec<usize> = t.char_indices().map(|(b, c)| b + c.len_utf8()).collect();
        assert_eq!(ends.iter().map(|&b| cp.convert(b)).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
        assert_eq!(ends.iter().map(|&b| u16.convert(b)).collect::<Vec<_>>(), vec![1, 3, 4, 5]);
        for (b, _) in t.char_indices() {
            assert_eq!(cp.convert(b), t[..b].chars().count());
            assert_eq!(u16.convert(b), t[..b].encode_utf16().count());
        }
    }

    #[test]
    fn to_byte_inverts_convert() {
        let t = "aé😀東x “q” z";
        for unit in [Unit::CodePoint, Unit::Utf16, Unit::Byte] {
            let m = OffsetMap::new(t, unit);
            for b in t.char_indices().map(|(b, _)| b).chain([t.len()]) {
                assert_eq!(m.to_byte(m.convert(b)), b, "{unit:?} at {b}");
            }
        }
        // Half a surrogate pair rounds down to the emoji's start.
        let m = OffsetMap::new(t, Unit::Utf16);
        assert_eq!(m.to_byte(3), t.find('😀').unwrap());
    }
}
