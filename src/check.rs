//! [`Document::check`]: every invariant the stages promise, checked in one place. Unit tests,
//! property tests, the robustness suite and the fuzz target all call it, so a new invariant is
//! added once and checked everywhere.

use crate::doc::{Document, Span};

impl Document {
    /// Checks every structural invariant of the layers; returns a description of the first
    /// violation.
    ///
    /// - **tokens**: non-empty, sorted, disjoint, inside the text on `char` boundaries, free of
    ///   white space, and covering every non-white-space char;
    /// - **sentences**: contiguous token ranges covering all tokens in order, each span running
    ///   from its first token's start to its last token's end;
    /// - **paragraphs**: the same over sentences, so a sentence never crosses a paragraph, and
    ///   their token ranges are their sentences' tokens; only the first may be a headline;
    /// - **token facts**: one set of forms per token, flags as [`Flags::of`](crate::doc::Flags::of)
    ///   computes them; **lines**: contiguous token ranges covering all tokens, each token
    ///   inside its line;
    /// - **entities** and **quotes**: non-empty, sorted, non-overlapping, inside the text on
    ///   `char` boundaries; a quote's speaker and cue spans too;
    /// - **values**: the same, plus: each value's span runs from its first token's start to
    ///   its last token's end, and no value overlaps an entity;
    /// - **clusters**: see [`Document::check_clusters`].
    ///
    /// The text layer must have run (non-blank text without tokens fails); later layers may be
    /// empty.
    ///
    /// ```
    /// let mut doc = loupe::annotate("“We will rebuild,” said Ana Ruiz, the mayor of Lagos.");
    /// assert_eq!(doc.check(), Ok(()));
    /// doc.tokens.swap(0, 1);
    /// assert!(doc.check().unwrap_err().contains("token"));
    /// ```
    pub fn check(&self) -> Result<(), String> {
        self.check_tokens()?;
        self.check_sentences()?;
        self.check_paragraphs()?;
        self.check_facts()?;
        self.check_spans("entity", self.entities.iter().map(|e| e.span))?;
        self.check_spans("quote", self.quotes.iter().map(|q| q.span))?;
        self.check_values()?;
        for (i, q) in self.quotes.iter().enumerate() {
            for (what, s) in [("speaker", q.speaker), ("cue", q.cue)] {
                if let Some(s) = s.filter(|&s| !self.on_text(s)) {
                    return Err(format!("quote {i}: {what} {s:?} is not a span of the text"));
                }
            }
        }
        self.check_clusters()
    }

    /// The cluster layer's part of [`Document::check`], on its own for tests that feed the
    /// grouping stage hand-made (even invalid) entities: when any entity or quote has a
    /// cluster or any cluster exists, the clusters partition the entities (every entity in
    /// exactly one cluster, `entity.cluster` naming it), each cluster's mentions are in text
    /// order, clusters are ordered by first mention, salience lies in 0..=1, and quote clusters
    /// are valid indices.
    pub fn check_clusters(&self) -> Result<(), String> {
        let ran = !self.clusters.is_empty()
            || self.entities.iter().any(|e| e.cluster.is_some())
            || self.quotes.iter().any(|q| q.cluster.is_some());
        if !ran {
            return Ok(());
        }
        let mut seen = vec![0u32; self.entities.len()];
        let mut last_first = 0;
        for (id, c) in self.clusters.iter().enumerate() {
            if c.mentions.is_empty() {
                return Err(format!("cluster {id} has no mentions"));
            }
            if !(0.0..=1.0).contains(&c.salience) {
                return Err(format!("cluster {id} has salience {} outside 0..=1", c.salience));
            }
            for &m in &c.mentions {
                let Some(e) = self.entities.get(m) else {
                    return Err(format!("cluster {id} names entity {m} of {}", self.entities.len()));
                };
                if e.cluster != Some(id) {
                    return Err(format!("cluster {id} lists entity {m}, whose cluster is {:?}", e.cluster));
                }
                seen[m] += 1;
            }
            let start = |m: usize| self.entities[m].span.start;
            if c.mentions.windows(2).any(|w| start(w[0]) > start(w[1])) {
                return Err(format!("cluster {id}: mentions out of text order"));
            }
            let first = start(c.mentions[0]);
            if first < last_first {
                return Err(format!("cluster {id} is not ordered by first mention"));
            }
            last_first = first;
        }
        if let Some(m) = seen.iter().position(|&n| n != 1) {
            return Err(format!("entity {m} is in {} clusters, not exactly one", seen[m]));
        }
        if let Some(i) = self.quotes.iter().position(|q| q.cluster.is_some_and(|c| c >= self.clusters.len())) {
            return Err(format!("quote {i} names cluster {:?} of {}", self.quotes[i].cluster, self.clusters.len()));
        }
        Ok(())
    }

    /// Inside the text, in order, on `char` boundaries.
    fn on_text(&self, s: Span) -> bool {
        let t = &self.text;
        s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
    }

    fn check_tokens(&self) -> Result<(), String> {
        let text = &self.text;
        let mut prev = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            let s = t.span;
            if !self.on_text(s) {
                return Err(format!("token {i} {s:?} is not a span of the text"));
            }
            if s.is_empty() {
                return Err(format!("token {i} is empty: {s:?}"));
            }
            if s.start < prev {
                return Err(format!("token {i} overlaps or is out of order: {s:?} after end {prev}"));
            }
            if s.of(text).chars().any(char::is_whitespace) {
                return Err(format!("token {i} contains white space: {:?}", s.of(text)));
            }
            if let Some((at, c)) = text[prev..s.start].char_indices().find(|(_, c)| !c.is_whitespace()) {
                return Err(format!("char {c:?} at byte {} is in no token", prev + at));
            }
            prev = s.end;
        }
        if let Some((at, c)) = text[prev..].char_indices().find(|(_, c)| !c.is_whitespace()) {
            return Err(format!("char {c:?} at byte {} is in no token", prev + at));
        }
        Ok(())
    }

    fn check_sentences(&self) -> Result<(), String> {
        let mut next = 0;
        for (k, s) in self.sentences.iter().enumerate() {
            let (a, b) = (s.tokens.start, s.tokens.end);
            if a != next || b <= a || b > self.tokens.len() {
                return Err(format!("sentence {k} has token range {a}..{b}, expected to start at {next}"));
            }
            if s.span.start != self.tokens[a].span.start || s.span.end != self.tokens[b - 1].span.end {
                return Err(format!("sentence {k} span {:?} does not match its tokens", s.span));
            }
            next = b;
        }
        if next != self.tokens.len() {
            return Err(format!("sentences cover {next} of {} tokens", self.tokens.len()));
        }
        Ok(())
    }

    fn check_paragraphs(&self) -> Result<(), String> {
        let mut next = 0;
        for (k, p) in self.paragraphs.iter().enumerate() {
            let (a, b) = (p.sentences.start, p.sentences.end);
            if a != next || b <= a || b > self.sentences.len() {
                return Err(format!("paragraph {k} has sentence range {a}..{b}, expected to start at {next}"));
            }
            if p.span.start != self.sentences[a].span.start || p.span.end != self.sentences[b - 1].span.end {
                return Err(format!("paragraph {k} span {:?} does not match its sentences", p.span));
            }
            if p.tokens != (self.sentences[a].tokens.start..self.sentences[b - 1].tokens.end) {
                return Err(format!("paragraph {k} token range {:?} does not match its sentences", p.tokens));
            }
            if k > 0 && p.kind == crate::doc::ParagraphKind::Headline {
                return Err(format!("paragraph {k} is a headline; only the first can be"));
            }
            next = b;
        }
        if next != self.sentences.len() {
            return Err(format!("paragraphs cover {next} of {} sentences", self.sentences.len()));
        }
        Ok(())
    }

    fn check_facts(&self) -> Result<(), String> {
        if self.forms.at.len() != self.tokens.len() {
            return Err(format!("{} token forms for {} tokens", self.forms.at.len(), self.tokens.len()));
        }
        if let Some(i) = self.tokens.iter().position(|t| t.flags != crate::doc::Flags::of(t.span.of(&self.text))) {
            return Err(format!("token {i} has flags {:?}, not those of its text", self.tokens[i].flags));
        }
        let mut next = 0;
        for (k, l) in self.lines.iter().enumerate() {
            if !self.on_text(l.span)
                || l.tokens.start != next
                || l.tokens.end < l.tokens.start
                || l.tokens.end > self.tokens.len()
            {
                return Err(format!(
                    "line {k} {:?} with tokens {:?} is out of place (next token {next})",
                    l.span, l.tokens
                ));
            }
            if let Some(i) = l
                .tokens
                .clone()
                .find(|&i| !(l.span.start <= self.tokens[i].span.start && self.tokens[i].span.end <= l.span.end))
            {
                return Err(format!("token {i} lies outside its line {k}"));
            }
            next = l.tokens.end;
        }
        if next != self.tokens.len() {
            return Err(format!("lines cover {next} of {} tokens", self.tokens.len()));
        }
        Ok(())
    }

    /// Values: spans as for entities, matching their tokens, and apart from every entity.
    fn check_values(&self) -> Result<(), String> {
        self.check_spans("value", self.values.iter().map(|v| v.span))?;
        for (i, v) in self.values.iter().enumerate() {
            let (a, b) = (v.tokens.start, v.tokens.end);
            if a >= b || b > self.tokens.len() {
                return Err(format!("value {i} has token range {a}..{b} of {} tokens", self.tokens.len()));
            }
            if v.span.start != self.tokens[a].span.start || v.span.end != self.tokens[b - 1].span.end {
                return Err(format!("value {i} span {:?} does not match its tokens {a}..{b}", v.span));
            }
            // Entities are sorted: only the first one ending after the value's start can overlap.
            let k = self.entities.partition_point(|e| e.span.end <= v.span.start);
            if let Some(e) = self.entities.get(k).filter(|e| e.span.start < v.span.end) {
                return Err(format!("value {i} {:?} overlaps entity {k} {:?}", v.span, e.span));
            }
        }
        Ok(())
    }

    /// Non-empty, sorted, non-overlapping spans of the text.
    fn check_spans(&self, what: &str, spans: impl Iterator<Item = Span>) -> Result<(), String> {
        let mut prev = 0;
        for (i, s) in spans.enumerate() {
            if !self.on_text(s) || s.is_empty() {
                return Err(format!("{what} {i} {s:?} is not a non-empty span of the text"));
            }
            if s.start < prev {
                return Err(format!("{what} {i} {s:?} overlaps or is out of order (previous ends at {prev})"));
            }
            prev = s.end;
        }
        Ok(())
    }
}
