//! Where things are: which sentence a byte offset falls in, whether a mention
//! sits inside a quotation, and the entities in text order.
//!
//! Why a separate piece: grouping and speaker resolution both reason by proximity ("the most
//! recent person in the previous sentences", "not inside the quote itself"). Each question is a
//! binary search over arrays built once, so nothing here is quadratic, and nothing assumes the
//! earlier stages left their layers sorted.

use crate::doc::{Document, Span};

/// Lookup tables built once per document.
pub struct Layout {
    sentence_starts: Vec<usize>,
    sentence_ends: Vec<usize>,
    /// Quote spans sorted by start, and the running maximum of their ends.
    quotes: Vec<Span>,
    quote_max_end: Vec<usize>,
    /// Entity indices sorted by (start, end).
    pub order: Vec<usize>,
    /// Starts of `order`'s entities, for binary search.
    order_starts: Vec<usize>,
}

impl Layout {
    pub fn new(doc: &Document) -> Layout {
        let mut sentences: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.span.start, s.span.end)).collect();
        sentences.sort_unstable();
        let sentence_starts = sentences.iter().map(|s| s.0).collect();
        let sentence_ends = sentences.iter().map(|s| s.1).collect();
        let mut quotes: Vec<Span> = doc.quotes.iter().map(|q| q.span).collect();
        quotes.sort_unstable();
        let mut quote_max_end = Vec::with_capacity(quotes.len());
        let mut m = 0;
        for q in &quotes {
            m = m.max(q.end);
            quote_max_end.push(m);
        }
        let mut order: Vec<usize> = (0..doc.entities.len()).collect();
        order.sort_by_key(|&i| (doc.entities[i].span.start, doc.entities[i].span.end, i));
        let order_starts = order.iter().map(|&i| doc.entities[i].span.start).collect();
        Layout { sentence_starts, sentence_ends, quotes, quote_max_end, order, order_starts }
    }

    /// Index of the sentence containing byte `pos` (0 when there are no sentences).
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// The sentence `n` narrative sentences before sentence `here`: sentences wholly inside a
    /// quotation ("“… This is unbearable. And it must stop,” she said") are not counted, so a
    /// long quote does not push its speaker out of reach. Looks at most 50 sentences back.
    pub fn narrative_floor(&self, here: usize, n: usize) -> usize {
        let mut count = 0;
        let mut s = here.min(self.sentence_starts.len());
        let stop = here.saturating_sub(50);
        while s > stop && count < n {
            s -= 1;
            let span = Span::new(self.sentence_starts[s], self.sentence_ends[s].max(self.sentence_starts[s]));
            if !self.in_quote(span) {
                count += 1;
            }
        }
        s
    }

    /// Whether `span` lies inside some quotation.
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.start <= span.start);
        i > 0 && self.quote_max_end[i - 1] >= span.end && self.quote_max_end[i - 1] > span.start
    }

    /// Position in [`Layout::order`] of the first entity starting at or after `pos`.
    pub fn rank_at(&self, pos: usize) -> usize {
        self.order_starts.partition_point(|&s| s < pos)
    }
}
