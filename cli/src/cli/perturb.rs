//! Text as people paste it: variants of a gold document with every gold span kept on the same
//! characters (issue 8, item 4).
//!
//! Articles arrive hard-wrapped from e-mail and PDFs, with Windows line ends, with one newline
//! (or none) between paragraphs, with straight quotes, no-break spaces and tab indents. Each
//! [`Variant`] rewrites a text that way and returns an [`OffsetShift`] that moves gold offsets
//! (code points, end exclusive, like the gold files) onto the new text. The variants that
//! `../shared/tools/perturb.py` also makes (`wrap` at 72, `crlf`, `ascii`, `onenl`, `nbsp`) give
//! the same text as it does, character for character.

/// One way of rewriting a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Hard-wrapped at 60 columns (a space becomes a newline).
    Wrap60,
    /// Hard-wrapped at 72 columns (`perturb.py wrap`).
    Wrap72,
    /// Windows line ends, `\r\n` (`perturb.py crlf`).
    Crlf,
    /// One newline between paragraphs instead of a blank line (`perturb.py onenl`).
    OneNewline,
    /// Hard-wrapped at 72 and one newline between paragraphs: no blank line anywhere, so the
    /// paragraph breaks are truly lost.
    NoBlankLines,
    /// Curly quotes and apostrophes made straight (`perturb.py ascii`).
    Ascii,
    /// Every fifth space a no-break space, U+00A0 (`perturb.py nbsp`).
    Nbsp,
    /// A tab before the first character of every non-empty line.
    TabIndent,
}

impl Variant {
    /// Every variant, in report order.
    pub const ALL: [Variant; 8] = [
        Variant::Wrap60,
        Variant::Wrap72,
        Variant::Crlf,
        Variant::OneNewline,
        Variant::NoBlankLines,
        Variant::Ascii,
        Variant::Nbsp,
        Variant::TabIndent,
    ];

    /// The name used in the report and in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Variant::Wrap60 => "wrap60",
            Variant::Wrap72 => "wrap72",
            Variant::Crlf => "crlf",
            Variant::OneNewline => "one_newline",
            Variant::NoBlankLines => "no_blank_lines",
            Variant::Ascii => "ascii_quotes",
            Variant::Nbsp => "nbsp",
            Variant::TabIndent => "tab_indent",
        }
    }

    /// Rewrites `text`; the shift maps offsets in `text` to offsets in the result.
    pub fn apply(self, text: &str) -> (String, OffsetShift) {
        let chars: Vec<char> = text.chars().collect();
        match self {
            Variant::Wrap60 => same_length(wrap(&chars, 60)),
            Variant::Wrap72 => same_length(wrap(&chars, 72)),
            Variant::Ascii => same_length(chars.iter().map(|&c| ascii(c)).collect()),
            Variant::Nbsp => {
                let mut k = 0;
                same_length(
                    chars
                        .iter()
                        .map(|&c| {
                            if c == ' ' {
                                k += 1;
                                if k % 5 == 0 {
                                    return '\u{a0}';
                                }
                            }
                            c
                        })
                        .collect(),
                )
            }
            Variant::Crlf => rebuild(&chars, |_, c, out| {
                if c == '\n' {
                    out.push('\r');
                }
                out.push(c);
                0
            }),
            Variant::OneNewline => one_newline(&chars),
            Variant::NoBlankLines => {
                // Wrapping keeps every offset, so the shift is the one of the second step.
                let wrapped = wrap(&chars, 72);
                one_newline(&wrapped)
            }
            Variant::TabIndent => rebuild(&chars, |i, c, out| {
                let line_start = i == 0 || chars[i - 1] == '\n';
                if line_start && c != '\n' && c != '\r' {
                    out.push('\t');
                    out.push(c);
                    return 1; // the gold character is after the tab
                }
                out.push(c);
                0
            }),
        }
    }
}

/// Moves code-point offsets of the original text onto a variant.
#[derive(Clone, Debug)]
pub struct OffsetShift {
    /// `starts[i]`: where original char `i` now starts (for `i == len`, the new length).
    starts: Vec<usize>,
    /// `ends[i]`: where the replacement of original char `i - 1` now ends (`ends[0] == 0`).
    ends: Vec<usize>,
}

impl OffsetShift {
    /// New offset of a span start (the character at `i`).
    pub fn start(&self, i: usize) -> usize {
        self.starts[i.min(self.starts.len() - 1)]
    }

    /// New offset of a span end (just past the character at `i - 1`).
    pub fn end(&self, i: usize) -> usize {
        self.ends[i.min(self.ends.len() - 1)]
    }

    /// A span `(start, end)` moved onto the variant.
    pub fn span(&self, (s, e): (usize, usize)) -> (usize, usize) {
        (self.start(s), self.end(e).max(self.start(s)))
    }
}

fn same_length(chars: Vec<char>) -> (String, OffsetShift) {
    let n = chars.len();
    let ids: Vec<usize> = (0..=n).collect();
    (chars.into_iter().collect(), OffsetShift { starts: ids.clone(), ends: ids })
}

/// Builds a variant char by char: `piece(i, c, out)` appends the replacement of char `i` and
/// returns where, inside it, the original character now sits.
fn rebuild(chars: &[char], mut piece: impl FnMut(usize, char, &mut String) -> usize) -> (String, OffsetShift) {
    let mut out = String::with_capacity(chars.len() + chars.len() / 8);
    let mut starts = Vec::with_capacity(chars.len() + 1);
    let mut ends = Vec::with_capacity(chars.len() + 1);
    let mut n = 0; // chars written so far
    ends.push(0);
    for (i, &c) in chars.iter().enumerate() {
        let before = out.len();
        let at = piece(i, c, &mut out);
        let written = out[before..].chars().count();
        starts.push(n + at.min(written));
        n += written;
        ends.push(n);
    }
    starts.push(n);
    (out, OffsetShift { starts, ends })
}

/// Hard wrap at `width` columns: a space becomes a newline once a line runs past `width`
/// (the line's last space before that point), exactly as `perturb.py wrap` does.
fn wrap(chars: &[char], width: usize) -> Vec<char> {
    let mut out = chars.to_vec();
    let mut col = 0;
    let mut last: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            col = 0;
            last = None;
            continue;
        }
        if c == ' ' {
            last = Some(i);
        }
        col += 1;
        if col > width {
            if let Some(l) = last {
                out[l] = '\n';
                col = i - l;
                last = None;
            }
        }
    }
    out
}

/// A newline directly followed by another newline is dropped (`perturb.py onenl`).
fn one_newline(chars: &[char]) -> (String, OffsetShift) {
    rebuild(chars, |i, c, out| {
        if !(c == '\n' && chars.get(i + 1) == Some(&'\n')) {
            out.push(c);
        }
        0
    })
}

fn ascii(c: char) -> char {
    match c {
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The mayor, Ana Ruiz, spoke on Tuesday. “We will rebuild every bridge in this city before winter comes,” Ruiz said.\n\nShe added: “It’s done.”\n\n\nEnd.";

    fn sub(t: &str, (s, e): (usize, usize)) -> String {
        t.chars().skip(s).take(e - s).collect()
    }

    /// Every span of non-space text reads the same (modulo the variant's own rewrite) after
    /// the shift.
    #[test]
    fn gold_spans_stay_on_their_characters() {
        let quote = TEXT.find('“').map(|b| TEXT[..b].chars().count()).unwrap();
        let quote_end = TEXT.find('”').map(|b| TEXT[..b].chars().count() + 1).unwrap();
        let she = TEXT.find("She").map(|b| TEXT[..b].chars().count()).unwrap();
        let end = TEXT.find("End").map(|b| TEXT[..b].chars().count()).unwrap();
        for v in Variant::ALL {
            let (t, m) = v.apply(TEXT);
            for (s, e) in [(quote, quote_end), (she, she + 3), (end, end + 4), (0, 3)] {
                let old = sub(TEXT, (s, e));
                let new = sub(&t, m.span((s, e)));
                let norm = |x: &str| -> String {
                    x.chars()
                        .map(ascii)
                        .map(|c| if c.is_whitespace() { ' ' } else { c })
                        .filter(|&c| c != '\r')
                        .collect()
                };
                assert_eq!(norm(&new), norm(&old), "{v:?}: {old:?} became {new:?}");
            }
        }
    }

    #[test]
    fn wrap_breaks_lines_at_the_last_space() {
        let (t, _) = Variant::Wrap60.apply(TEXT);
        assert!(t.lines().all(|l| l.chars().count() <= 60 || !l.contains(' ')), "{t}");
        assert_eq!(t.chars().count(), TEXT.chars().count());
        assert!(t.contains("Tuesday. “We will rebuild every bridge\nin") || t.lines().count() > 4, "{t}");
    }

    #[test]
    fn line_end_variants() {
        let (crlf, m) = Variant::Crlf.apply("a\n\nb");
        assert_eq!(crlf, "a\r\n\r\nb");
        assert_eq!(m.span((3, 4)), (5, 6));
        let (one, m) = Variant::OneNewline.apply("a\n\nb\n\n\nc\nd");
        assert_eq!(one, "a\nb\nc\nd");
        assert_eq!(m.span((3, 4)), (2, 3));
        assert_eq!(m.span((7, 8)), (4, 5));
        let (tab, m) = Variant::TabIndent.apply("ab\n\ncd");
        assert_eq!(tab, "\tab\n\n\tcd");
        assert_eq!(m.span((0, 2)), (1, 3));
        assert_eq!(m.span((4, 6)), (6, 8));
    }

    #[test]
    fn no_blank_lines_is_wrapped_and_single_spaced() {
        let long = format!("{}\n\n{}", "word ".repeat(30).trim_end(), "next ".repeat(30).trim_end());
        let (t, _) = Variant::NoBlankLines.apply(&long);
        assert!(!t.contains("\n\n"));
        assert!(t.lines().count() >= 4);
    }

    #[test]
    fn nbsp_and_ascii_keep_length() {
        let (t, _) = Variant::Nbsp.apply("a b c d e f g");
        assert_eq!(t, "a b c d e\u{a0}f g");
        let (t, _) = Variant::Ascii.apply("“It’s ‘x’”");
        assert_eq!(t, "\"It's 'x'\"");
    }

    /// The variants `perturb.py` also makes give its texts and its gold offsets exactly, on
    /// PolNeAR dev (skipped when `../shared` or python3 is missing).
    #[test]
    fn agrees_with_perturb_py() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let (tool, dev) = (root.join("tools/perturb.py"), root.join("data/polnear/dev.jsonl"));
        if !tool.is_file() || !dev.is_file() {
            eprintln!("skipped: {} not found", tool.display());
            return;
        }
        let docs: Vec<serde_json::Value> =
            std::fs::read_to_string(&dev).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        for (kind, v) in [
            ("wrap", Variant::Wrap72),
            ("crlf", Variant::Crlf),
            ("ascii", Variant::Ascii),
            ("onenl", Variant::OneNewline),
            ("nbsp", Variant::Nbsp),
        ] {
            let out = std::env::temp_dir().join(format!("loupe-perturb-{kind}-{}.jsonl", std::process::id()));
            let Ok(st) = std::process::Command::new("python3").arg(&tool).arg(kind).arg(&dev).arg(&out).status() else {
                eprintln!("skipped: no python3");
                return;
            };
            assert!(st.success());
            let theirs = std::fs::read_to_string(&out).unwrap();
            let _ = std::fs::remove_file(&out);
            for (d, line) in docs.iter().zip(theirs.lines()) {
                let py: serde_json::Value = serde_json::from_str(line).unwrap();
                let (t, m) = v.apply(d["text"].as_str().unwrap());
                assert_eq!(t, py["text"].as_str().unwrap(), "{kind}: text of {} differs", d["id"]);
                for (q, pq) in d["quotes"].as_array().unwrap().iter().zip(py["quotes"].as_array().unwrap()) {
                    let s = |v: &serde_json::Value, k: &str| v[k].as_u64().unwrap() as usize;
                    assert_eq!(
                        m.span((s(q, "start"), s(q, "end"))),
                        (s(pq, "start"), s(pq, "end")),
                        "{kind}: {}",
                        d["id"]
                    );
                }
            }
        }
    }
}
