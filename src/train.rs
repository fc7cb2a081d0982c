//! Training internals for the `loupe-train` crate (cargo feature `train`, off by default).
//!
//! The app, the CLI and the browser never train; they only load the artifact. The trainer must
//! nevertheless run the very feature extractor, tag set and decoder the app runs, so that what
//! it learns is what users get. Those live privately in `loupe::ner`; this module is the one
//! door to them:
//!
//! - documents and the perceptron: [`Doc`] (sentences of words with gold states, read from
//!   CoNLL columns by [`Doc::from_conll`]), [`Trainer`], [`tag_with`];
//! - features: [`extract_document`] into [`DocFeatures`], and the word keys of the cluster
//!   tables ([`cluster_key`], [`news_key`], [`norm_char`]);
//! - word clusters: [`ClusterTable`], [`Clusters`], [`hierarchical`] k-means with its seeded
//!   [`Rng`];
//! - the artifact: [`Weights`], [`Model::from_parts`], the byte [`Writer`] and [`Reader`];
//! - tag states: [`tags`].
//!
//! ```
//! use loupe::train::{Doc, DocFeatures, Trainer, Clusters, Rng, extract_document, tag_with};
//!
//! let docs = Doc::from_conll("Ada NNP B-NP B-PER\nLovelace NNP I-NP I-PER\nwrote VBD O O\n");
//! let clusters = Clusters::empty();
//! let mut trainer = Trainer::default();
//! for d in &docs {
//!     let mut f = DocFeatures::default();
//!     extract_document(&d.words, &clusters, None, &mut f);
//!     trainer.add(d, &f);
//! }
//! let mut rng = Rng(7);
//! for _ in 0..5 {
//!     trainer.epoch(&mut rng);
//! }
//! let weights = trainer.export(0.0);
//! let states = tag_with(&weights, &clusters, &docs[0].words, None);
//! assert_eq!(states, docs[0].gold.concat());
//! ```

pub use crate::ner::clusters::build::{hierarchical, Rng};
pub use crate::ner::clusters::{ClusterTable, Clusters};
pub use crate::ner::codec::{Reader, Writer};
pub use crate::ner::features::{cluster_key, extract_document, news_key, norm_char, phrase_key, DocFeatures};
pub use crate::ner::gazetteer::{Gazetteer, MAX_LEN as GAZETTEER_MAX_LEN, MAX_TYPES as GAZETTEER_MAX_TYPES};
pub use crate::ner::model::Weights;
pub use crate::ner::train::{tag_with, Doc, Trainer};

use crate::ner::{Meta, Model};

/// How a trained model is made smaller for shipping ([`Model::compact`]); the defaults change
/// nothing. `model/MODEL_CARD.md` records what each setting costs in accuracy and saves in bytes.
#[derive(Clone, Debug)]
pub struct Compaction {
    /// Bits kept of each 32-bit feature key (features whose shortened keys coincide share a row).
    pub key_bits: u32,
    /// Weights are rounded to multiples of this (in the trained float units).
    pub step: f32,
    /// Bits kept of each GloVe cluster-table key.
    pub glove_key_bits: u32,
    /// Bits kept of each news cluster-table key.
    pub news_key_bits: u32,
}

impl Default for Compaction {
    fn default() -> Self {
        Compaction { key_bits: 32, step: 0.0, glove_key_bits: 32, news_key_bits: 32 }
    }
}

/// BILOU tag states as the model stores them (one byte per token).
pub mod tags {
    pub use crate::ner::tags::{from_iob, iob2, N, O};
}

impl Model {
    /// Assembles a model from trained parts; [`Model::to_bytes`] then makes the artifact.
    pub fn from_parts(meta: Meta, clusters: Clusters, stage1: Weights, stage2: Weights) -> Model {
        Model { meta, clusters, stage1, stage2, size: 0 }
    }

    /// The shipped form of a trained model: see [`Compaction`]. Deterministic, so
    /// `scripts/train.sh` reproduces the artifact byte for byte.
    pub fn compact(&self, c: &Compaction) -> Model {
        let stage = |w: &Weights| {
            // The step is given in weight units; each stage has its own integer scale.
            let step = if c.step > 0.0 {
                (c.step / w.scale.max(f32::MIN_POSITIVE)).round().clamp(1.0, i16::MAX as f32) as i16
            } else {
                0
            };
            w.compact(c.key_bits, step)
        };
        let clusters = Clusters {
            glove: self.clusters.glove.with_key_bits(c.glove_key_bits),
            news: self.clusters.news.iter().map(|t| t.with_key_bits(c.news_key_bits)).collect(),
            gaz: self.clusters.gaz.clone(),
        };
        Model { meta: self.meta.clone(), clusters, stage1: stage(&self.stage1), stage2: stage(&self.stage2), size: 0 }
    }

    /// Stored features and (feature, state) weights of each stage: `[stage 1, stage 2]`.
    pub fn counts(&self) -> [(usize, usize); 2] {
        [self.stage1.counts(), self.stage2.counts()]
    }
}
