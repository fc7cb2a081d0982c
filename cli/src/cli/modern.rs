//! The modern-news entity dev set in `loupe eval`: CoNLL-2003 labels on 40 PolNeAR dev articles
//! (2016 US political news), made for issue 9 (`eval/modern-news/README.md`).
//!
//! Why here: the entity model is trained on 1996 Reuters; this set says how far it carries to
//! today's news, and every model change is reported on it next to CoNLL dev. The repository
//! holds only ids, a SHA-256 of each text and code-point offsets; the texts are read from the
//! data directory's `polnear/dev.jsonl`, and a text whose hash differs is an error (the offsets
//! would point at other characters).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sha2::{Digest, Sha256};

use loupe::score::{span_scores, Prf};
use loupe::view::{DocumentView, Unit};

/// The gold file of the repository.
pub fn default_gold() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../eval/modern-news/gold.jsonl")
}

#[derive(Deserialize)]
struct GoldLine {
    id: String,
    sha256: String,
    entities: Vec<(usize, usize, String)>,
}

#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
}

/// Scores the pipeline (raw text → entities, as `annotate` gives them) on the set: label →
/// scores with "ALL" and "untyped" (spans only), and the number of articles.
pub fn score(data: &Path, gold: &Path) -> Result<(BTreeMap<String, Prf>, usize), String> {
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let gold_lines: Vec<GoldLine> = read(gold)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{} line {}: {e}", gold.display(), n + 1)))
        .collect::<Result<_, _>>()?;
    let dev = data.join("polnear/dev.jsonl");
    let wanted: HashSet<&str> = gold_lines.iter().map(|g| g.id.as_str()).collect();
    let mut texts: HashMap<String, String> = HashMap::new();
    for (n, line) in read(&dev)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let a: Article = serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", dev.display(), n + 1))?;
        if wanted.contains(a.id.as_str()) {
            texts.insert(a.id, a.text);
        }
    }
    let (mut g, mut p) = (HashSet::new(), HashSet::new());
    for line in &gold_lines {
        let text = texts.get(&line.id).ok_or_else(|| format!("{}: article {} is missing", dev.display(), line.id))?;
        let hash: String = Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        if hash != line.sha256 {
            return Err(format!("{}: the text of {} is not the one the set was annotated on", dev.display(), line.id));
        }
        for (s, e, label) in &line.entities {
            g.insert((line.id.clone(), *s, *e, label.clone()));
        }
        let doc = loupe::annotate(text);
        for ent in DocumentView::new(&doc, Unit::CodePoint).entities {
            p.insert((line.id.clone(), ent.start, ent.end, ent.label.to_string()));
        }
    }
    let mut scores = span_scores(&g, &p);
    let strip = |set: &HashSet<(String, usize, usize, String)>| -> HashSet<(String, usize, usize, String)> {
        set.iter().map(|(d, s, e, _)| (d.clone(), *s, *e, "untyped".to_string())).collect()
    };
    if let Some(untyped) = span_scores(&strip(&g), &strip(&p)).remove("untyped") {
        scores.insert("untyped".into(), untyped);
    }
    Ok((scores, gold_lines.len()))
}
