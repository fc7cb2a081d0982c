//! Who said it: the cue (speech verb) framing a quotation and the speaker mention it attaches to.
//!
//! Why rules over the quote's own sentence: in news, nearly every direct quotation is framed
//! by a speech verb in the same sentence (`"…," X said`, `said X`, `X said: "…"`,
//! `X told Y that "…"`, `according to X`), and its subject sits next to it, possibly behind
//! an appositive (`X, the mayor, said`) or a parenthesis (`X (R-Fla.) said`). Quotations with
//! no cue of their own continue the speaker before them; that step lives in [`continue_speakers`]
//! and runs after speech/non-speech detection, so a scare quote never passes a speaker on.

use super::cues::{self, Cue};
use super::marks::Pair;
use super::words::{Kind, Tok, Words};
use crate::doc::{Document, Flags, Span, TokenKind};
use crate::lexicon;

/// A cue found in a context: its kind, its span, and the context position of its last word.
type CueAt = (Cue, Span, usize);

/// How far from a speech cue an "according to X" may stand and still name the source.
const ACCORDING_TO_REACH: usize = 12;

/// How many words (a reporting verb's object or prepositional phrase) may stand between the verb
/// and a pronoun that opens the clause it reports ("admitted to the newspaper that he …").
const OUTER_OBJECT_REACH: usize = 4;

/// How many words left of a quotation a weak cue ("called", "accused") may stand and still
/// frame it: "called both parties' leaders “reckless”" (6 before issue 9's third round; 10
/// gives PolNeAR train detection F1 +0.0006, attributed F1 +0.0009, dev +0.0020 / +0.0021).
const WEAK_CUE_REACH: usize = 10;

/// After a sentence-final quotation and a line break, how many words may follow a right-hand
/// cue for it still to frame the quotation (`X said on Monday.`). Wrapped text with no blank
/// lines: PolNeAR dev speaker accuracy 0.9183 -> 0.9294, train 0.9053 -> 0.9113; plain text,
/// where a line break is a paragraph break, unchanged.
const MAX_TAIL_AFTER_LINE_BREAK: usize = 3;

/// How many other quotations the left context of a quotation may reach over.
const MAX_SKIPPED_QUOTES: usize = 16;

/// The attribution found for one candidate quotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    /// The cue sits in the quotation's own sentence (not inherited).
    pub direct: bool,
    /// A speech verb of the quotation's own sentence lies within 40 words of it, so the
    /// quotation is part of reported speech even when short (`X called it "…"`).
    pub near: bool,
}

/// Token-level view of the text shared by all quotations of a document.
pub struct Frame<'a> {
    doc: &'a Document,
    text: &'a str,
    words: &'a Words,
    toks: &'a [Tok],
    /// For each token, the index of the candidate it lies in (top-level candidates only).
    inside: Vec<Option<usize>>,
    cands: &'a [Pair],
    /// First token index of each candidate and one past its last.
    bounds: Vec<(usize, usize)>,
    /// Per text-layer token: it is the final punctuation of its sentence.
    sentence_end: Vec<bool>,
}

/// Which side of the quotation a context lies on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl<'a> Frame<'a> {
    /// `cands` must be sorted and non-overlapping (top-level quotations).
    pub fn new(doc: &'a Document, words: &'a Words, cands: &'a [Pair]) -> Frame<'a> {
        let toks = words.toks.as_slice();
        let mut inside = vec![None; toks.len()];
        let mut bounds = Vec::with_capacity(cands.len());
        for (ci, c) in cands.iter().enumerate() {
            let a = toks.partition_point(|t| t.start < c.start);
            let b = toks.partition_point(|t| t.start < c.end);
            for slot in &mut inside[a..b] {
                *slot = Some(ci);
            }
            bounds.push((a, b));
        }
        Frame { doc, text: &doc.text, words, toks, inside, cands, bounds, sentence_end: sentence_ends(doc) }
    }

    fn s(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The lowercase normal form of word `i` (computed once by the text layer).
    fn lower(&self, i: usize) -> &'a str {
        self.words.lower(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == Kind::Word
    }

    fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].start, self.toks[b].end)
    }

    /// A sentence end as the text layer found it (the sentence's final `.`, `!`, `?` or `…`,
    /// before any closing quotes and brackets), or a `;` before a capital, digit or quote mark.
    fn is_terminator(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.kind != Kind::Punct {
            return false;
        }
        if self.s(i) == ";" {
            return self.toks.get(i + 1).map_or(true, |n| {
                // The word's first token decides ("Smith's" is capitalised, its "'s" is not).
                let first = self.doc.tokens[self.doc.token_at(n.start)].flags;
                n.para != t.para || n.kind == Kind::Mark || first.has(Flags::INIT_CAP) || first.has(Flags::HAS_DIGIT)
            });
        }
        self.sentence_end[t.last]
    }

    /// Does candidate `ci` end its sentence (`"…."`)?
    fn quote_ends_sentence(&self, ci: usize) -> bool {
        let (a, b) = self.bounds[ci];
        let mut j = b;
        while j > a {
            j -= 1;
            if self.toks[j].kind != Kind::Mark {
                return self.s(j).ends_with(['.', '!', '?']);
            }
        }
        false
    }

    /// Last non-mark token inside candidate `ci`.
    pub fn quote_last_punct(&self, ci: usize) -> Option<&'a str> {
        let (a, b) = self.bounds[ci];
        (a..b).rev().find(|&j| self.toks[j].kind != Kind::Mark).map(|j| self.s(j))
    }

    /// Outside tokens of the sentence part left of candidate `ci`, in text order.
    fn left_context(&self, ci: usize) -> Vec<usize> {
        let (a, _) = self.bounds[ci];
        let line = self.toks.get(a).map_or(0, |t| t.para);
        let mut out = Vec::new();
        let mut j = a;
        // Quotations skipped over: bounded, so a paragraph of thousands of quotations stays
        // linear.
        let mut skipped = 0;
        while j > 0 && out.len() < 60 {
            j -= 1;
            if self.toks[j].para != line {
                break;
            }
            if let Some(other) = self.inside[j] {
                if self.quote_ends_sentence(other) || skipped == MAX_SKIPPED_QUOTES {
                    break;
                }
                skipped += 1;
                j = self.bounds[other].0;
                continue;
            }
            if self.is_terminator(j) {
                break;
            }
            out.push(j);
        }
        out.reverse();
        out
    }

    /// Outside tokens right of candidate `ci` up to the end of its sentence or the next quote.
    fn right_context(&self, ci: usize) -> Vec<usize> {
        let (_, b) = self.bounds[ci];
        let line = if b > 0 { self.toks[b - 1].para } else { 0 };
        let mut out = Vec::new();
        let mut j = b;
        while j < self.toks.len() && out.len() < 60 {
            if self.toks[j].para != line || self.inside[j].is_some() || self.is_terminator(j) {
                break;
            }
            out.push(j);
            j += 1;
        }
        out
    }

    /// A cue at position `k` of `ctx`, if the token there is one.
    fn cue_at(&self, ctx: &[usize], k: usize) -> Option<CueAt> {
        let i = ctx[k];
        if !self.is_word(i) {
            return None;
        }
        let w = self.s(i);
        let lw = self.lower(i);
        if lw == "according" {
            if k + 1 < ctx.len() && self.lower(ctx[k + 1]) == "to" {
                return Some((Cue::AccordingTo, self.span(i, ctx[k + 1]), k + 1));
            }
            return None;
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            return None; // "United States", "Said" as a name
        }
        let cue = cues::classify(lw)?;
        // "a tweet", "his remarks", "the report": nouns, not verbs.
        if k > 0 && cues::is_determiner(self.lower(ctx[k - 1])) && self.lower(ctx[k - 1]) != "that" {
            // "most said", "many say", "some argued": a quantifier as the subject of a verb
            // that is never a noun.
            let quantified = lexicon::is_quantifier(self.lower(ctx[k - 1]))
                && !lexicon::is_determiner(self.lower(ctx[k - 1]))
                && matches!(lw, "said" | "say" | "says" | "told" | "tell" | "argued" | "argue" | "insisted" | "insist");
            if !quantified {
                return None;
            }
        }
        // Extend: "pointed out", "said in a statement".
        let mut last = k;
        if k + 1 < ctx.len() && matches!(self.lower(ctx[k + 1]), "out" | "up") {
            last = k + 1;
        }
        if last + 3 < ctx.len()
            && self.lower(ctx[last + 1]) == "in"
            && matches!(self.lower(ctx[last + 2]), "a" | "an" | "the" | "his" | "her" | "its" | "their")
            && lexicon::is_channel_noun(self.lower(ctx[last + 3]))
        {
            last += 3;
        }
        Some((cue, self.span(i, ctx[last]), last))
    }

    /// Finds and resolves the cue for candidate `ci`.
    pub fn direct(&self, ci: usize) -> Found {
        let left = self.left_context(ci);
        let right = self.right_context(ci);
        // Nearest cue on each side.
        // After a quotation that ends its sentence (`"…." South Carolina, he said, was …`),
        // a cue on the right belongs to it only in a tight `X said` / `said X` frame.
        let ends = self.quote_ends_sentence(ci);
        let new_line = right.first().is_some_and(|&r| {
            let (_, b) = self.bounds[ci];
            b > 0 && self.doc.line_of(self.toks[r].last) != self.doc.line_of(self.toks[b - 1].last)
        });
        let r = (0..right.len()).find_map(|k| {
            let c = self.cue_at(&right, k)?;
            let tight = k <= 4 && !right[..k].iter().any(|&t| self.s(t) == ",");
            // Across a line break, a cue with a clause of its own after it ("The council argues
            // that …") opens the next paragraph whose blank line was lost, not this quotation's frame.
            let tail = right.len() - c.2 - 1;
            let own = !ends || !new_line || tail <= MAX_TAIL_AFTER_LINE_BREAK && c.0 != Cue::AccordingTo;
            ((c.0 != Cue::Weak || k <= 4) && (!ends || tight) && own).then_some((k, c))
        });
        let l = (0..left.len()).rev().find_map(|k| {
            let c = self.cue_at(&left, k)?;
            (c.0 != Cue::Weak || left.len() - k <= WEAK_CUE_REACH).then_some((k, c))
        });
        let trailing_comma = matches!(self.quote_last_punct(ci), Some("," | "?" | "!" | "—" | "–" | "-" | "―"));
        if trailing_comma {
            if let Some(mut f) = self.tight_frame(&right) {
                f.speaker = self.according_to_near(&right, 0).or(f.speaker);
                return f;
            }
        }
        // `X told them "…," and he vowed …`: a conjunction after the quotation opens a new
        // clause, whose cue is not this quotation's when one precedes it.
        let new_clause = right.first().is_some_and(|&t| matches!(self.lower(t), "and" | "but" | "while"));
        let order: [Option<(Side, usize, CueAt)>; 2] = match (l, r) {
            (Some(l), Some(r)) if !new_clause && (trailing_comma || self.cands[ci].start == self.para_start(ci)) => {
                [Some((Side::Right, r.0, r.1)), Some((Side::Left, l.0, l.1))]
            }
            (l, r) => [l.map(|l| (Side::Left, l.0, l.1)), r.map(|r| (Side::Right, r.0, r.1))],
        };
        for (side, k, (cue, cspan, last)) in order.into_iter().flatten() {
            let ctx = if side == Side::Left { &left } else { &right };
            let speaker = match cue {
                Cue::AccordingTo => self.np_after(ctx, last),
                Cue::Participle => self.participle_subject(ctx, k),
                Cue::Finite if side == Side::Right && self.inverted_after_comma(ctx, k, last).is_some() => {
                    self.inverted_after_comma(ctx, k, last)
                }
                Cue::Finite | Cue::Weak => self.subject_of(ctx, k, last),
            };
            let speaker = match (side, speaker) {
                (Side::Left, Some(sp)) => Some(self.outer_speaker(ctx, k, sp)),
                (_, sp) => sp,
            };
            // "X said, according to CNN": the source the article quotes from is the speaker.
            let speaker = match cue {
                Cue::AccordingTo => speaker,
                _ => speaker.map(|sp| self.according_to_near(ctx, k).or(self.opening_poll(ctx, k)).unwrap_or(sp)),
            };
            if speaker.is_some() {
                let near = match side {
                    Side::Left => left.len() - k <= 40,
                    Side::Right => k <= 40,
                };
                return Found { speaker, cue: Some(cspan), direct: true, near };
            }
        }
        // "Pollster Dana Reyes: “…”", "More from Jones: “…”": a name (or pronoun) right before
        // a colon that introduces the quotation; else the subject of that clause.
        if left.len() >= 2 && self.s(left[left.len() - 1]) == ":" && left[left.len() - 1] + 1 == self.bounds[ci].0 {
            let j = left.len() - 2;
            let t = left[j];
            let named = self.is_word(t) && (self.capitalized(t) || lexicon::is_subject_pronoun(self.lower(t)));
            let sp = if named { self.np_ending_at(&left, j) } else { self.sentence_subject(&left, j + 1) };
            if sp.is_some() {
                return Found { speaker: sp, cue: None, direct: true, near: false };
            }
        }
        // "… ." — Name: a dash attribution after the quotation.
        if right.len() >= 2 && matches!(self.s(right[0]), "—" | "–" | "-" | "―") && self.capitalized(right[1]) {
            if let Some(sp) = self.np_after(&right, 0) {
                return Found { speaker: Some(sp), cue: None, direct: true, near: true };
            }
        }
        Found::default()
    }

    /// The speaker of a finite cue at `k` (ending at `last`): its subject, the agent of a
    /// passive ("was asked by X"), the subject of the first clause for a coordinated verb
    /// ("X arrived late and said"), or the noun phrase after an inverted cue ("said X").
    fn subject_of(&self, ctx: &[usize], k: usize, last: usize) -> Option<Span> {
        let prev = (0..k).rev().find(|&j| !lexicon::is_aux_or_adverb(self.lower(ctx[j])) || !self.is_word(ctx[j]));
        if k > 0 && matches!(self.lower(ctx[k - 1]), "was" | "were" | "been" | "being" | "is" | "are") {
            // Passive: only the agent speaks.
            if last + 1 < ctx.len() && self.lower(ctx[last + 1]) == "by" {
                return self.np_after(ctx, last + 1);
            }
            return None;
        }
        // "X interjected to say", "X would do better to say": the clause's subject.
        if k > 0 && self.lower(ctx[k - 1]) == "to" {
            return self.sentence_subject(ctx, k - 1);
        }
        if let Some(p) = prev {
            if matches!(self.lower(ctx[p]), "and" | "but" | "then" | "or" | "yet") {
                return self.sentence_subject(ctx, p);
            }
        }
        let sp = self.np_before(ctx, k).or_else(|| self.np_after(ctx, last))?;
        Some(self.before_adverbial(ctx, sp).unwrap_or(sp))
    }

    /// "Trump at the time said", "X in a speech called": when the words before the cue are a
    /// prepositional phrase right after a name or pronoun, that name is the subject.
    fn before_adverbial(&self, ctx: &[usize], sp: Span) -> Option<Span> {
        let s = ctx.iter().position(|&t| self.toks[t].start == sp.start)?;
        if s < 2 || ctx[s - 1] + 1 != ctx[s] || ctx[s - 2] + 1 != ctx[s - 1] || self.capitalized(ctx[s]) {
            return None;
        }
        if !matches!(self.lower(ctx[s - 1]), "at" | "in" | "on" | "during" | "after" | "before" | "since") {
            return None;
        }
        let mut q = s - 2;
        // "X, who has in the past described": auxiliaries between the subject and the phrase.
        while q > 0
            && ctx[q - 1] + 1 == ctx[q]
            && self.is_word(ctx[q])
            && !self.capitalized(ctx[q])
            && lexicon::is_aux_or_adverb(self.lower(ctx[q]))
            && s - q < 5
        {
            q -= 1;
        }
        let p = ctx[q];
        let named = self.is_word(p)
            && (lexicon::is_subject_pronoun(self.lower(p))
                || self.capitalized(p) && !lexicon::is_capitalized_stopword(self.lower(p)));
        if named {
            self.np_ending_at(ctx, q)
        } else {
            None
        }
    }

    /// `"…" for the party, said Ana Ruiz`: after a quotation, the rest of the quoted sentence,
    /// a comma, then an inverted cue and a name. The name is the speaker, not the words before.
    fn inverted_after_comma(&self, ctx: &[usize], k: usize, last: usize) -> Option<Span> {
        // Verbs that take an object ("told CBS News") never invert this way.
        if k == 0 || self.s(ctx[k - 1]) != "," || !lexicon::is_inverting_speech_verb(self.lower(ctx[k])) {
            return None;
        }
        let sp = self.np_after(ctx, last)?;
        let first = self.toks.partition_point(|t| t.start < sp.start);
        let adjacent = last + 1 < ctx.len() && ctx[last + 1] == first;
        (adjacent && self.capitalized(first) && !lexicon::is_capitalized_stopword(self.lower(first))).then_some(sp)
    }

    /// "In a CNN poll released Monday, 31% of voters said …": the poll speaks for those it
    /// counts. The opening phrase up to its comma, when it names a poll or survey and ends
    /// before the cue at `k`.
    fn opening_poll(&self, ctx: &[usize], k: usize) -> Option<Span> {
        if ctx.len() < 3 || self.lower(ctx[0]) != "in" || !cues::is_determiner(self.lower(ctx[1])) {
            return None;
        }
        let comma = (2..k.min(14)).find(|&j| self.s(ctx[j]) == ",")?;
        let polled = (2..comma).any(|j| matches!(self.lower(ctx[j]), "poll" | "survey"));
        polled.then(|| self.span(ctx[1], ctx[comma - 1]))
    }

    /// The source of an "according to X" within [`ACCORDING_TO_REACH`] words of the cue at `k`
    /// in the same context ("Obama said, according to a pool report"; "According to the
    /// Times, X said").
    fn according_to_near(&self, ctx: &[usize], k: usize) -> Option<Span> {
        let lo = k.saturating_sub(ACCORDING_TO_REACH);
        let hi = (k + ACCORDING_TO_REACH).min(ctx.len());
        (lo..hi).filter(|&j| j != k).find_map(|j| {
            // "…, said X, reports the Times": the outlet the article quotes from, as with
            // "according to".
            if j > 0 && self.s(ctx[j - 1]) == "," && matches!(self.s(ctx[j]), "reports" | "reported") {
                let sp = self.np_after(ctx, j)?;
                let first = self.toks.partition_point(|t| t.start < sp.start);
                let named = self.capitalized(first)
                    || self.lower(first) == "the"
                        && self.toks.get(first + 1).is_some_and(|_| self.capitalized(first + 1));
                return (named && !lexicon::is_subject_pronoun(self.lower(first))).then_some(sp);
            }
            match self.cue_at(ctx, j)? {
                (Cue::AccordingTo, _, last) => self.np_after(ctx, last),
                _ => None,
            }
        })
    }

    /// The first noun phrase of the sentence part `ctx[..k]`, after an opening adverbial
    /// ("In a statement, …", "On Tuesday, …").
    fn sentence_subject(&self, ctx: &[usize], k: usize) -> Option<Span> {
        let mut j = 0;
        // A dateline ("WASHINGTON —", "Paris (AFP) –") ends at the first dash.
        if let Some(d) = (0..k.min(8)).find(|&d| matches!(self.s(ctx[d]), "—" | "–" | "-" | "―")) {
            // "WASHINGTON, Dec. 8 (UPI) —": capitals, a date's number, the agency in brackets.
            let number = |x: usize| self.s(ctx[x]).bytes().all(|b| b.is_ascii_digit());
            if (0..d).all(|x| !self.is_word(ctx[x]) || self.capitalized(ctx[x]) || number(x)) {
                j = d + 1;
            }
        }
        // An opening adverbial ("In a statement, …", "Amid the row, …", "Speaking Monday, …").
        if j < k && self.is_word(ctx[j]) {
            let l0 = self.lower(ctx[j]);
            let next = (j + 1 < k).then(|| self.lower(ctx[j + 1]));
            // "First, …", "Finally, …": an adverb standing alone before its comma.
            let lone_adverb = next == Some(",") && lexicon::is_aux_or_adverb(l0);
            // "Preceded at the lectern by X, …", "Horrified at the prospect, …": a participle
            // clause (a name ending in "-ed", "Ahmed", is followed by a verb, not a preposition).
            let participle = l0.len() > 4
                && l0.ends_with("ed")
                && next.is_some_and(|n| {
                    matches!(
                        n,
                        "at" | "by" | "in" | "with" | "from" | "on" | "for" | "about" | "after" | "over" | "into"
                    )
                });
            // "Outside the arena, …", "Across town, …": a preposition the stopword list lacks.
            let preposition = matches!(
                l0,
                "outside"
                    | "inside"
                    | "beyond"
                    | "across"
                    | "around"
                    | "behind"
                    | "near"
                    | "toward"
                    | "towards"
                    | "throughout"
                    | "until"
                    | "unless"
                    | "whether"
                    | "beneath"
                    | "alongside"
                    | "besides"
                    | "than"
            );
            if lexicon::is_capitalized_stopword(l0)
                || preposition
                || l0.ends_with("ing")
                || l0.ends_with("ly")
                || l0 == "amid"
                || lone_adverb
                || participle
            {
                if let Some(c) = (j..k).find(|&c| self.s(ctx[c]) == ",") {
                    j = c + 1;
                    // "Speaking in Dover, Delaware, the mayor …": a place's state or country
                    // after the comma belongs to the adverbial.
                    if c > 0 && self.capitalized(ctx[c - 1]) {
                        let run = (j..k.min(j + 4)).take_while(|&x| self.capitalized(ctx[x])).count();
                        if run > 0 && j + run < k && self.s(ctx[j + run]) == "," {
                            j += run + 1;
                        }
                    }
                    // "Preceded by Joe Arpaio, the county sheriff, Trump …": an appositive of the
                    // adverbial's last name, when a name follows its comma.
                    if c > 0 && self.capitalized(ctx[c - 1]) && j < k {
                        let det = self.is_word(ctx[j]) && cues::is_determiner(self.lower(ctx[j]));
                        if det {
                            if let Some(c2) = (j + 1..k.min(j + 10)).find(|&x| self.s(ctx[x]) == ",") {
                                let n = c2 + 1;
                                if n < k
                                    && self.capitalized(ctx[n])
                                    && !lexicon::is_capitalized_stopword(self.lower(ctx[n]))
                                {
                                    j = n;
                                }
                            }
                        }
                    }
                }
            } else {
                // "Hours later, …", "Two days ago, …": a time phrase up to its comma.
                if let Some(c) = (j + 1..k.min(j + 5)).find(|&c| self.s(ctx[c]) == ",") {
                    if matches!(self.lower(ctx[c - 1]), "later" | "ago" | "earlier" | "afterward" | "afterwards") {
                        j = c + 1;
                    }
                }
            }
        }
        while j < k {
            let i = ctx[j];
            let lw = self.lower(i);
            // "The union …" is a description, the whole noun phrase ("The" alone names no one);
            // a determiner that stands alone ("Another said") is read as written.
            if self.is_word(i) && cues::is_determiner(lw) {
                let mut e = j;
                while e + 1 < k && self.is_word(ctx[e + 1]) && ctx[e + 1] == ctx[e] + 1 && e - j < 5 {
                    let ln = self.lower(ctx[e + 1]);
                    if lexicon::ends_description(ln) || cues::classify(ln).is_some() {
                        break;
                    }
                    e += 1;
                }
                if e > j || !self.capitalized(i) {
                    return (e > j).then(|| self.span(i, ctx[e]));
                }
            }
            // "There’s still time for X", "That’s because …": a contracted function word ("He’s"
            // stays a subject).
            let contracted =
                (lw.strip_suffix("’s").or(lw.strip_suffix("'s"))).is_some_and(lexicon::is_capitalized_stopword);
            if self.is_word(i)
                && !contracted
                && (lexicon::is_subject_pronoun(lw) || self.capitalized(i) && !lexicon::is_capitalized_stopword(lw))
            {
                return self.np_ending_at(ctx, self.np_right_edge(ctx, j, k));
            }
            j += 1;
        }
        None
    }

    /// `"…," he notes` / `"…," Beck questioned` / `"…," beamed Hartley` /
    /// `"…," the nominee riffed`: right after a quotation that ends in a comma, question or
    /// exclamation mark, a noun phrase and a verb frame it as speech whatever the verb is.
    fn tight_frame(&self, right: &[usize]) -> Option<Found> {
        let word = |k: usize| k < right.len() && self.is_word(right[k]);
        let lower_verb = |k: usize| {
            word(k) && {
                let w = self.s(right[k]);
                w.chars().next().is_some_and(char::is_lowercase)
                    && w.chars().all(char::is_alphabetic)
                    && !lexicon::ends_description(w)
                    && !cues::is_determiner(w)
                    && !lexicon::is_subject_pronoun(w)
            }
        };
        let found = |sp: Span, cue: usize| Found {
            speaker: Some(sp),
            cue: Some(self.span(right[cue], right[cue])),
            direct: true,
            near: true,
        };
        if !word(0) {
            return None;
        }
        let first = right[0];
        let l0 = self.lower(first);
        if lexicon::is_subject_pronoun(l0) && l0 != "it" && l0 != "who" && lower_verb(1) {
            return Some(found(self.span(first, first), 1));
        }
        if self.capitalized(first) && !lexicon::is_capitalized_stopword(l0) {
            // "Beck questioned", "Pentagon spokesman Neil Abara noted": the first lowercase
            // word that is not a role noun is the verb.
            for j in 1..8.min(right.len()) {
                if !word(j) || right[j] != right[j - 1] + 1 {
                    return None;
                }
                let lj = self.lower(right[j]);
                if self.capitalized(right[j]) || lexicon::is_speaker_role_word(lj) {
                    continue;
                }
                if cues::classify(lj).is_some() || lower_verb(j) {
                    return self.np_before(right, j).map(|sp| found(sp, j));
                }
                return None;
            }
            return None;
        }
        if cues::is_determiner(l0) {
            for j in 1..6.min(right.len()) {
                if !word(j) || right[j] != right[j - 1] + 1 {
                    return None;
                }
                let lj = self.lower(right[j]);
                if j >= 2 && lower_verb(j) && (lj.ends_with("ed") || cues::classify(lj).is_some()) {
                    return Some(found(self.span(first, right[j - 1]), j));
                }
            }
            return None;
        }
        if lower_verb(0) && l0.ends_with("ed") && right.len() > 1 {
            let sp = self.np_after(right, 0)?;
            return Some(found(sp, 0));
        }
        None
    }

    /// Byte offset where the paragraph of candidate `ci` starts.
    fn para_start(&self, ci: usize) -> usize {
        let (a, _) = self.bounds[ci];
        self.toks.get(a).map_or(usize::MAX, |t| self.doc.paragraphs[t.para].span.start)
    }

    /// A subject inside a clause that itself reports speech belongs to the outer speaker:
    /// "Cruz railed against what he calls …", "The senator said he rarely asks …", and for
    /// names too, "Rep. Lund said Ms. Varga called the plan “…”" (PolNeAR credits the one who
    /// reports it: train speaker accuracy 0.9206 -> 0.9217, dev unchanged).
    /// After "which" the pronoun itself speaks ("the pier, which she called …"): PolNeAR credits
    /// it (train 0.9163 -> 0.9176 speaker accuracy; dev loses one quotation). `sp` is the speaker
    /// found for the cue at `k`; returns the outer one when there is one. "what"/"whom" send only
    /// a pronoun to the sentence's subject.
    fn outer_speaker(&self, ctx: &[usize], k: usize, sp: Span) -> Span {
        let Some(p) = (0..k).rev().find(|&j| self.toks[ctx[j]].start == sp.start) else { return sp };
        let pronoun = lexicon::is_subject_pronoun(self.lower(ctx[p]));
        if p == 0 {
            return sp;
        }
        let mut b = p - 1;
        let lb = self.lower(ctx[b]);
        if pronoun && matches!(lb, "what" | "whom") {
            return self.sentence_subject(ctx, b).unwrap_or(sp);
        }
        if lb == "that" && b > 0 {
            b -= 1;
        }
        if let Some((Cue::Finite, _, last)) = self.cue_at(ctx, b) {
            if last == b {
                if let Some(outer) = self.subject_of(ctx, b, last) {
                    return outer;
                }
            }
        }
        // "X admitted to the newspaper that he …", "X assures his audience he …": the reporting
        // verb's object or a short prepositional phrase stands between it and the pronoun.
        // "…, said X, who said …" is X's relative clause, not a reported one.
        if pronoun && self.lower(ctx[p]) != "who" {
            let lo = b.saturating_sub(OUTER_OBJECT_REACH);
            for j in (lo..b).rev() {
                let w = ctx[j];
                if !self.is_word(w) || self.capitalized(w) && j + 1 < b {
                    break;
                }
                if let Some((Cue::Finite, _, last)) = self.cue_at(ctx, j) {
                    if let Some(outer) = self.subject_of(ctx, j, last) {
                        return outer;
                    }
                    break;
                }
            }
        }
        sp
    }

    /// Subject of a participle cue ("X attacked Y, saying …"): the subject of a finite cue
    /// earlier in the context, else the first noun phrase of the sentence.
    fn participle_subject(&self, ctx: &[usize], k: usize) -> Option<Span> {
        // "footage of Hillary Clinton asking, …": a name right before the participle.
        if k > 0 && ctx[k - 1] + 1 == ctx[k] {
            let p = ctx[k - 1];
            if self.capitalized(p) && !lexicon::is_capitalized_stopword(self.lower(p)) {
                return self.np_ending_at(ctx, k - 1);
            }
        }
        for j in (0..k).rev() {
            if let Some((Cue::Finite, _, last)) = self.cue_at(ctx, j) {
                if let Some(s) = self.subject_of(ctx, j, last) {
                    return Some(s);
                }
            }
        }
        self.sentence_subject(ctx, k)
    }

    /// Last position of the capitalised run starting at `j` (before `limit`).
    fn np_right_edge(&self, ctx: &[usize], j: usize, limit: usize) -> usize {
        let mut e = j;
        while e + 1 < limit && self.capitalized(ctx[e + 1]) && ctx[e + 1] == ctx[e] + 1 {
            e += 1;
        }
        e
    }

    /// The subject noun phrase left of the cue at `k`.
    fn np_before(&self, ctx: &[usize], k: usize) -> Option<Span> {
        let mut j = k;
        // Skip auxiliaries and adverbs: "X has also said".
        while j > 0 && self.is_word(ctx[j - 1]) && lexicon::is_aux_or_adverb(self.lower(ctx[j - 1])) {
            if !self.s(ctx[j - 1]).chars().next().is_some_and(char::is_lowercase)
                && !lexicon::is_weekday(self.lower(ctx[j - 1]))
            {
                break;
            }
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        let mut j = j - 1;
        // "X (R-Fla.) said": skip the parenthesis.
        if self.s(ctx[j]) == ")" {
            let mut d = j;
            while d > 0 && j - d < 15 && self.s(ctx[d]) != "(" {
                d -= 1;
            }
            if self.s(ctx[d]) != "(" || d == 0 {
                return None;
            }
            j = d - 1;
        }
        // "X, the mayor, said" / "X, who …, said" / "X, 35, the daughter of …, said": the
        // subject sits before the appositives; walk back over up to three commas to a name or
        // pronoun, else take the first noun phrase of the sentence.
        if self.s(ctx[j]) == "," {
            let mut c = j;
            let mut commas = 0;
            while c > 0 && j - c < 40 && commas < 3 {
                c -= 1;
                if self.s(ctx[c]) != "," {
                    continue;
                }
                commas += 1;
                // "Labour's housing spokesman, Tom Reilly, said": the name between the commas.
                if commas == 1 && c + 1 < j && (c + 1..j).all(|x| self.capitalized(ctx[x]) && ctx[x] + 1 == ctx[x + 1])
                {
                    return Some(self.span(ctx[c + 1], ctx[j - 1]));
                }
                if c == 0 {
                    break;
                }
                let p = ctx[c - 1];
                if self.is_word(p) && (self.capitalized(p) || lexicon::is_subject_pronoun(self.lower(p))) {
                    return self.np_ending_at(ctx, c - 1);
                }
            }
            return self.sentence_subject(ctx, j);
        }
        self.np_ending_at(ctx, j)
    }

    /// A noun phrase whose last token is `ctx[j]`.
    fn np_ending_at(&self, ctx: &[usize], j: usize) -> Option<Span> {
        let i = ctx[j];
        if !self.is_word(i) {
            return None;
        }
        let w = self.s(i);
        let lw = self.lower(i);
        if lexicon::is_subject_pronoun(lw) {
            return Some(self.span(i, i));
        }
        if !w.chars().any(char::is_alphabetic) {
            return None;
        }
        let adjacent = |a: usize, b: usize| ctx[b] == ctx[a] + 1;
        if self.capitalized(i) {
            if lexicon::is_capitalized_stopword(lw) {
                return None;
            }
            let mut s = j;
            while s > 0 && adjacent(s - 1, s) {
                let p = ctx[s - 1];
                let lp = self.lower(p);
                let name_word = self.capitalized(p) && !lexicon::is_capitalized_stopword(lp);
                // "Duchess of York", "Mohammed bin Salman": a connector between capitals.
                let connector =
                    lexicon::is_name_connector(lp) && s >= 2 && adjacent(s - 2, s - 1) && self.capitalized(ctx[s - 2]);
                if !(name_word || connector) {
                    break;
                }
                s -= 1;
            }
            return Some(self.span(ctx[s], i));
        }
        // A description: "the spokesman", "a senior administration official", "officials".
        let mut s = j;
        let mut n = 0;
        while s > 0 && adjacent(s - 1, s) && n < 6 {
            let p = ctx[s - 1];
            if !self.is_word(p) {
                break;
            }
            let lp = self.lower(p);
            if cues::is_determiner(lp) {
                s -= 1;
                break;
            }
            if lexicon::ends_description(lp) || cues::classify(lp).is_some() || lexicon::is_aux_or_adverb(lp) {
                break;
            }
            if self.capitalized(p) && lexicon::is_capitalized_stopword(lp) {
                break;
            }
            s -= 1;
            n += 1;
        }
        // "a spokesman for the city said": the description is the role, not "the city".
        if s >= 2
            && adjacent(s - 1, s)
            && adjacent(s - 2, s - 1)
            && matches!(self.lower(ctx[s - 1]), "for" | "of" | "at")
        {
            let head = self.lower(ctx[s - 2]);
            if lexicon::role_of(head).is_some() || lexicon::is_speaker_role_word(head) {
                if let Some(role) = self.np_ending_at(&ctx[..s - 1], s - 2) {
                    return Some(Span::new(role.start, self.toks[i].end));
                }
            }
        }
        Some(self.span(ctx[s], i))
    }

    /// The noun phrase right of position `k` ("said Smith", "according to officials").
    fn np_after(&self, ctx: &[usize], k: usize) -> Option<Span> {
        let mut j = k + 1;
        let mut skipped = 0;
        // Skip "Sunday", "in a statement", "on Tuesday", ",".
        while j < ctx.len() && skipped < 6 {
            let lw = self.lower(ctx[j]);
            if lw == "in" && j + 2 < ctx.len() && lexicon::is_channel_noun(self.lower(ctx[j + 2])) {
                j += 3;
                skipped += 3;
                continue;
            }
            if lexicon::is_time_adverb(lw) {
                j += 1;
                skipped += 1;
                continue;
            }
            break;
        }
        if j >= ctx.len() {
            return None;
        }
        let i = ctx[j];
        if !self.is_word(i) {
            return None;
        }
        let lw = self.lower(i);
        if lexicon::is_subject_pronoun(lw) {
            return Some(self.span(i, i));
        }
        let adjacent = |a: usize, b: usize| ctx[b] == ctx[a] + 1;
        let mut e = j;
        if self.capitalized(i) && !lexicon::is_capitalized_stopword(lw)
            || lw == "the" && j + 1 < ctx.len() && self.capitalized(ctx[j + 1])
        {
            while e + 1 < ctx.len() && adjacent(e, e + 1) {
                let n = ctx[e + 1];
                let ln = self.lower(n);
                let name_word = self.capitalized(n) && !lexicon::is_capitalized_stopword(ln);
                let connector = lexicon::is_name_connector(ln)
                    && e + 2 < ctx.len()
                    && adjacent(e + 1, e + 2)
                    && self.capitalized(ctx[e + 2]);
                if !(name_word || connector) {
                    break;
                }
                e += 1;
            }
            return Some(self.span(i, ctx[e]));
        }
        if !lw.chars().any(char::is_alphabetic) || lexicon::ends_description(lw) || cues::classify(lw).is_some() {
            return None;
        }
        // Description: determiner + words, or a bare plural ("officials"); a role goes on
        // over "for"/"of"/"at" and what it serves ("a spokesman for the city").
        let mut n = 0;
        while e + 1 < ctx.len() && adjacent(e, e + 1) && n < 6 {
            let nx = ctx[e + 1];
            let ln = self.lower(nx);
            let role =
                lexicon::role_of(self.lower(ctx[e])).is_some() || lexicon::is_speaker_role_word(self.lower(ctx[e]));
            let serves = role && matches!(ln, "for" | "of" | "at") && e + 2 < ctx.len() && adjacent(e + 1, e + 2);
            if !serves
                && (!self.is_word(nx) || lexicon::ends_description(ln) || cues::classify(ln).is_some() || ln == "of")
            {
                break;
            }
            e += 1;
            n += 1;
        }
        if cues::is_determiner(lw) && e == j {
            return None;
        }
        Some(self.span(i, ctx[e]))
    }

    /// The speaker of the last cue in the sentence that ends line `line` with a colon
    /// ("In a statement, the group said:"), for a quotation that opens the next paragraph.
    pub fn colon_speaker(&self, line: usize) -> Option<Span> {
        let end = self.toks.partition_point(|t| t.para <= line);
        if end == 0 || self.toks[end - 1].para != line || self.s(end - 1) != ":" {
            return None;
        }
        let mut ctx = Vec::new();
        let mut j = end - 1;
        while j > 0 && self.toks[j - 1].para == line && ctx.len() < 60 {
            j -= 1;
            if self.inside[j].is_some() || self.is_terminator(j) {
                break;
            }
            ctx.push(j);
        }
        ctx.reverse();
        let (k, (cue, _, last)) = (0..ctx.len()).rev().find_map(|k| Some((k, self.cue_at(&ctx, k)?)))?;
        match cue {
            Cue::AccordingTo => self.np_after(&ctx, last),
            Cue::Participle => self.participle_subject(&ctx, k),
            _ => self.subject_of(&ctx, k, last),
        }
    }

    /// `"…" ⏎ - Bernie Sanders.`: a line that is only a dash and a name, right after the quote.
    pub fn dash_line_after(&self, ci: usize) -> Option<Span> {
        let (_, b) = self.bounds[ci];
        let end_line = self.end_para_of(ci);
        let t = self.toks.get(b)?;
        if t.para == end_line || !matches!(self.s(b), "-" | "—" | "–") {
            return None;
        }
        let ctx: Vec<usize> = (b..self.toks.len()).take_while(|&j| self.toks[j].para == t.para).take(12).collect();
        if ctx.len() < 2 || !self.capitalized(ctx[1]) {
            return None;
        }
        self.np_after(&ctx, 0)
    }

    /// The subject of the sentence before candidate `ci`: the part of its own sentence before
    /// it, or the sentence just before it on its line, or the last sentence of the previous
    /// line when the candidate opens its line. `None` when that stretch holds a quotation or
    /// starts before `after` (the end of the last speaker mention, which then wins).
    pub fn previous_sentence_subject(&self, ci: usize, after: Option<usize>) -> Option<Span> {
        let (a, _) = self.bounds[ci];
        if a == 0 || a > self.toks.len() {
            return None;
        }
        let last = a - 1;
        let line = self.toks[last].para;
        let mut s = last;
        while s > 0 && self.toks[s - 1].para == line && !self.is_terminator(s - 1) && last - s < 200 {
            s -= 1;
            if self.inside[s].is_some() {
                return None;
            }
        }
        if self.inside[last].is_some() || after.is_some_and(|x| self.toks[s].start < x) {
            return None;
        }
        let end = if self.is_terminator(last) { last } else { a };
        let ctx: Vec<usize> = (s..end).collect();
        if ctx.is_empty() {
            return None;
        }
        self.sentence_subject(&ctx, ctx.len())
    }

    /// Does candidate `ci` stand inside a sentence, after some of its words on the same line?
    pub fn mid_sentence(&self, ci: usize) -> bool {
        let (a, _) = self.bounds[ci];
        a > 0 && self.toks.get(a).is_some_and(|t| t.para == self.toks[a - 1].para) && !self.is_terminator(a - 1)
    }

    /// Line of the first token of candidate `ci`, and whether the candidate opens its line.
    pub fn para_of(&self, ci: usize) -> (usize, bool) {
        let (a, _) = self.bounds[ci];
        match self.toks.get(a) {
            None => (usize::MAX, false),
            Some(t) => (t.para, a == 0 || self.toks[a - 1].para != t.para),
        }
    }

    /// Line of the last token of candidate `ci`.
    pub fn end_para_of(&self, ci: usize) -> usize {
        let (a, b) = self.bounds[ci];
        if b > a {
            self.toks[b - 1].para
        } else {
            usize::MAX
        }
    }

    /// Does candidate `ci` read as a sentence: capitalised first word, final punctuation?
    pub fn sentence_like(&self, ci: usize) -> bool {
        let first_upper =
            self.inside_words(ci).next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        first_upper && self.quote_last_punct(ci).is_some_and(|p| p.ends_with(['.', '!', '?', ',']))
    }

    /// Number of words inside candidate `ci`.
    pub fn words_inside(&self, ci: usize) -> usize {
        let (a, b) = self.bounds[ci];
        (a..b).filter(|&j| self.is_word(j)).count()
    }

    /// Word tokens inside candidate `ci`.
    pub fn inside_words(&self, ci: usize) -> impl Iterator<Item = &'a str> + '_ {
        let (a, b) = self.bounds[ci];
        (a..b).filter(|&j| self.is_word(j)).map(|j| self.s(j))
    }

    /// The lowercase word just before candidate `ci` on its line, if any.
    pub fn word_before(&self, ci: usize) -> Option<&'a str> {
        let (a, _) = self.bounds[ci];
        let line = self.toks.get(a)?.para;
        (a > 0 && self.toks[a - 1].para == line).then(|| self.lower(a - 1))
    }

    /// "a play called “…”", "an account named “…”": a participle of naming right after a
    /// lower-case noun, so the quoted words are the thing's name, not someone's words.
    pub fn named_by_participle(&self, ci: usize) -> bool {
        let (a, _) = self.bounds[ci];
        if a < 2 || self.toks[a - 2].para != self.toks[a].para {
            return false;
        }
        let (verb, noun) = (a - 1, a - 2);
        matches!(self.lower(verb), "called" | "named" | "titled" | "entitled" | "dubbed")
            && self.is_word(noun)
            && self.s(noun).chars().next().is_some_and(char::is_lowercase)
            && !lexicon::is_subject_pronoun(self.lower(noun))
            && !lexicon::is_aux_or_adverb(self.lower(noun))
            && cues::classify(self.lower(noun)).is_none()
    }

    /// The lowercase word two before candidate `ci` on its line, if any.
    pub fn word_before2(&self, ci: usize) -> Option<&'a str> {
        let (a, _) = self.bounds[ci];
        let line = self.toks.get(a)?.para;
        (a > 1 && self.toks[a - 2].para == line).then(|| self.lower(a - 2))
    }
}

/// Marks, per token, the final punctuation of each sentence of the text layer: the last token
/// of the sentence, or the one before its closing quotes and brackets.
fn sentence_ends(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for s in &doc.sentences {
        for j in s.tokens.clone().rev() {
            let t = doc.tokens[j];
            let w = t.span.of(&doc.text);
            let closing = t.kind == TokenKind::Quote
                || t.kind == TokenKind::Punct && w.chars().all(|c| matches!(c, ')' | ']' | '}'));
            if closing {
                continue;
            }
            out[j] = t.kind == TokenKind::Punct && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'));
            break;
        }
    }
    out
}

/// Fills in speakers for quotations without a cue of their own: the previous speaker on the
/// same paragraph, else a later one on it, else (for a quotation opening its paragraph) the
/// previous paragraph's speaker or colon-introduced speaker, else the last speaker seen.
/// `found[i]` belongs to kept candidate `kept[i]`.
pub fn continue_speakers(frame: &Frame<'_>, kept: &[usize], found: &mut [Found]) {
    let mut last: Option<(Span, usize)> = None; // (speaker, line of the quotation end)
    for q in 0..kept.len() {
        let ci = kept[q];
        let (line, opens_line) = frame.para_of(ci);
        if found[q].speaker.is_none() {
            let same_line_prev = last.filter(|&(_, l)| l == line).map(|(s, _)| s);
            let same_line_next = (q + 1..kept.len())
                .take(20)
                .take_while(|&n| frame.para_of(kept[n]).0 == line)
                .find_map(|n| found[n].direct.then_some(found[n].speaker).flatten());
            let from_colon = (opens_line && line > 0).then(|| frame.colon_speaker(prev_para(frame, line))).flatten();
            let from_dash = frame.dash_line_after(ci);
            // The subject of the sentence just before, when no quotation sits in it.
            let from_prev = frame.previous_sentence_subject(ci, last.map(|(s, _)| s.end));
            // A fragment inside a sentence (`X accused Y of being “politically correct”`) is the
            // words of that sentence's subject, not of the quotation before it.
            let own = (!frame.sentence_like(ci) && frame.mid_sentence(ci))
                .then(|| frame.previous_sentence_subject(ci, None))
                .flatten();
            found[q].speaker = own
                .or(same_line_prev)
                .or(same_line_next)
                .or(from_colon)
                .or(from_dash)
                .or(from_prev)
                .or(last.map(|(s, _)| s));
        }
        if let Some(s) = found[q].speaker {
            last = Some((s, frame.end_para_of(ci)));
        }
    }
}

/// The last non-blank line before `line` (lines with tokens).
fn prev_para(frame: &Frame<'_>, line: usize) -> usize {
    let a = frame.toks.partition_point(|t| t.para < line);
    if a == 0 {
        return 0;
    }
    frame.toks[a - 1].para
}
