//! How central each entity is to the article, in `0.0..=1.0`.
//!
//! Why these three signals: news puts its main actors first and names them often, and the
//! people it quotes are the ones whose view it reports. The score is a weighted sum of
//! normalised signals, so it is comparable within one article (the page sorts by it), bounded,
//! and cheap:
//!
//! ```text
//! mentions = cluster mentions / most mentions of any cluster
//! early    = 1 - (byte offset of first mention / text length)
//! quotes   = quotes attributed / most quotes attributed to any cluster
//! salience = 0.5·mentions + 0.2·early + 0.3·quotes      (article with attributed quotes)
//! salience = 0.75·mentions + 0.25·early                 (article without)
//! ```

use crate::doc::Document;

/// Sets `salience` on every cluster of `doc` (after mentions and quote clusters are known).
pub fn score(doc: &mut Document) {
    let len = doc.text.len().max(1) as f32;
    let mut quotes = vec![0usize; doc.clusters.len()];
    for q in &doc.quotes {
        if let Some(c) = q.cluster.filter(|&c| c < quotes.len()) {
            quotes[c] += 1;
        }
    }
    let max_m = doc.clusters.iter().map(|c| c.mentions.len()).max().unwrap_or(0).max(1) as f32;
    let max_q = quotes.iter().copied().max().unwrap_or(0);
    for (c, cluster) in doc.clusters.iter_mut().enumerate() {
        let first =
            cluster.mentions.iter().filter_map(|&i| doc.entities.get(i)).map(|e| e.span.start).min().unwrap_or(0)
                as f32;
        let mentions = cluster.mentions.len() as f32 / max_m;
        let early = 1.0 - (first / len).clamp(0.0, 1.0);
        let s = if max_q > 0 {
            0.5 * mentions + 0.2 * early + 0.3 * (quotes[c] as f32 / max_q as f32)
        } else {
            0.75 * mentions + 0.25 * early
        };
        cluster.salience = if s.is_finite() { s.clamp(0.0, 1.0) } else { 0.0 };
    }
}
