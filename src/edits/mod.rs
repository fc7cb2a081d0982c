//! Corrections as data: the reader's edits to an annotation, applied by the core.
//!
//! Why: the page lets a reader add, relabel, remove, split and merge entities and fix
//! quotations. If the page patched results itself, groups, names, speakers and salience would
//! go stale and the CLI could not reproduce them. Instead each correction is a small record
//! ([`Edit`]: a `kind`, offsets and the text it applies to) and [`annotate_with_edits`] runs the
//! pipeline with the records applied at the right layer:
//!
//! - entity edits (`add_entity`, `set_label`, `remove_entity`) right after the recogniser, so
//!   quotations, groups and speakers are computed from the corrected entities;
//! - quotation edits (`remove_quote`, `add_quote`, `set_speaker`) right after quote detection;
//! - group edits (`split_entity`, `merge_groups`) as [`crate::clusters::Constraints`] on
//!   grouping, which then recomputes names, quote speakers' groups and salience.
//!
//! Every edit is first placed on the current text ([`anchor`]): when its offsets no longer hold
//! its text (the article was edited) it moves to the same text nearby; an edit that cannot be
//! placed, or that names something no longer there ("remove the entity ‘Bo’" when there is
//! none), is reported as dropped with a reason, never applied elsewhere.
//!
//! Offsets here are bytes, like everything in the core; the faces convert edit records from and
//! to their unit with [`crate::view`] (code points in the CLI's edit files, UTF-16 from JS).

pub mod anchor;
mod apply;

pub(crate) use apply::Run;

use serde::{Deserialize, Serialize};

use crate::doc::Label;

/// Where an edit applies: offsets (end exclusive), the text there, and optional context used to
/// re-find the text when the article changed. The core fills `before`/`after` in the edits it
/// reports as applied; records written by hand may leave them out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
    /// The text at `start..end` when the edit was made.
    pub text: String,
    /// Text just before it (up to [`anchor::CONTEXT`] chars).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub before: String,
    /// Text just after it (up to [`anchor::CONTEXT`] chars).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub after: String,
}

/// One correction. Serialized with a `kind` tag and the anchor's fields inline, e.g.
/// `{"kind": "set_label", "start": 0, "end": 6, "text": "Jordan", "label": "LOC"}` (through
/// the flat [`Record`], which keeps the WASM bundle small: no buffered, tagged parsing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Record", into = "Record")]
pub enum Edit {
    /// Makes the selected text an entity of type `label` (widened to whole tokens; entities it
    /// overlaps are replaced).
    AddEntity {
        /// The selection.
        at: Anchor,
        /// Its type.
        label: Label,
    },
    /// Changes the type of the entity at `at`.
    SetLabel {
        /// The entity.
        at: Anchor,
        /// Its new type.
        label: Label,
    },
    /// Removes the entity at `at`.
    RemoveEntity {
        /// The entity.
        at: Anchor,
    },
    /// Takes the entity at `at` out of its group, into a group of its own.
    SplitEntity {
        /// The entity.
        at: Anchor,
    },
    /// Makes the group of the entity at `at` and the group of the entity at `with` one.
    MergeGroups {
        /// An entity of the first group.
        at: Anchor,
        /// An entity of the second group.
        with: Anchor,
    },
    /// Sets who said the quotation at `at`: a mention (a group's mention, or any selected text
    /// such as "the spokesman"), or nobody (`null`).
    SetSpeaker {
        /// The quotation.
        at: Anchor,
        /// The speaker mention.
        speaker: Option<Anchor>,
    },
    /// Removes the quotation at `at`.
    RemoveQuote {
        /// The quotation.
        at: Anchor,
    },
    /// Makes the selected text a quotation (widened to whole tokens; quotations it overlaps
    /// are replaced), optionally with its speaker mention.
    AddQuote {
        /// The selection.
        at: Anchor,
        /// The speaker mention, if given.
        speaker: Option<Anchor>,
    },
}

impl Edit {
    /// The anchor the edit applies to.
    pub fn at(&self) -> &Anchor {
        match self {
            Edit::AddEntity { at, .. }
            | Edit::SetLabel { at, .. }
            | Edit::RemoveEntity { at }
            | Edit::SplitEntity { at }
            | Edit::MergeGroups { at, .. }
            | Edit::SetSpeaker { at, .. }
            | Edit::RemoveQuote { at }
            | Edit::AddQuote { at, .. } => at,
        }
    }

    /// Every anchor of the edit (the main one first), for offset conversion at the faces.
    pub fn anchors_mut(&mut self) -> impl Iterator<Item = &mut Anchor> {
        let (at, other) = match self {
            Edit::AddEntity { at, .. }
            | Edit::SetLabel { at, .. }
            | Edit::RemoveEntity { at }
            | Edit::SplitEntity { at }
            | Edit::RemoveQuote { at } => (at, None),
            Edit::MergeGroups { at, with } => (at, Some(with)),
            Edit::SetSpeaker { at, speaker } | Edit::AddQuote { at, speaker } => (at, speaker.as_mut()),
        };
        std::iter::once(at).chain(other)
    }

    /// The `kind` tag ("add_entity", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::AddEntity { .. } => "add_entity",
            Edit::SetLabel { .. } => "set_label",
            Edit::RemoveEntity { .. } => "remove_entity",
            Edit::SplitEntity { .. } => "split_entity",
            Edit::MergeGroups { .. } => "merge_groups",
            Edit::SetSpeaker { .. } => "set_speaker",
            Edit::RemoveQuote { .. } => "remove_quote",
            Edit::AddQuote { .. } => "add_quote",
        }
    }
}

/// The wire form of an [`Edit`]: one flat record, `kind` saying which fields matter.
#[derive(Serialize, Deserialize)]
struct Record {
    kind: String,
    start: usize,
    end: usize,
    text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    before: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    after: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    with: Option<Anchor>,
    /// Absent for kinds without a speaker; `null` for "nobody".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker: Option<Option<Anchor>>,
}

/// Every `kind`, for messages.
const KINDS: &str =
    "add_entity, set_label, remove_entity, split_entity, merge_groups, set_speaker, remove_quote, add_quote";

impl TryFrom<Record> for Edit {
    type Error = String;

    fn try_from(r: Record) -> Result<Edit, String> {
        let at = Anchor { start: r.start, end: r.end, text: r.text, before: r.before, after: r.after };
        let label = || r.label.ok_or_else(|| format!("{} needs a \"label\" (PER, ORG, LOC or MISC)", r.kind));
        let speaker = r.speaker.flatten();
        Ok(match r.kind.as_str() {
            "add_entity" => Edit::AddEntity { label: label()?, at },
            "set_label" => Edit::SetLabel { label: label()?, at },
            "remove_entity" => Edit::RemoveEntity { at },
            "split_entity" => Edit::SplitEntity { at },
            "merge_groups" => {
                Edit::MergeGroups { with: r.with.ok_or("merge_groups needs \"with\": the other entity")?, at }
            }
            "set_speaker" => Edit::SetSpeaker { at, speaker },
            "remove_quote" => Edit::RemoveQuote { at },
            "add_quote" => Edit::AddQuote { at, speaker },
            other => return Err(format!("unknown edit kind \"{other}\"; use one of {KINDS}")),
        })
    }
}

impl From<Edit> for Record {
    fn from(e: Edit) -> Record {
        let kind = e.kind().to_string();
        let (at, label, with, speaker) = match e {
            Edit::AddEntity { at, label } | Edit::SetLabel { at, label } => (at, Some(label), None, None),
            Edit::RemoveEntity { at } | Edit::SplitEntity { at } | Edit::RemoveQuote { at } => (at, None, None, None),
            Edit::MergeGroups { at, with } => (at, None, Some(with), None),
            Edit::SetSpeaker { at, speaker } | Edit::AddQuote { at, speaker } => (at, None, None, Some(speaker)),
        };
        let Anchor { start, end, text, before, after } = at;
        Record { kind, start, end, text, before, after, label, with, speaker }
    }
}

/// An edit that could not be applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Its index in the list given.
    pub index: usize,
    /// Why, in words for the reader.
    pub reason: String,
}

/// What became of each edit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The edits applied, in the order given, placed on the current text (offsets, text and
    /// context as they are now): the list to keep for the article.
    pub applied: Vec<Edit>,
    /// The edits that could not be applied.
    pub dropped: Vec<Dropped>,
}
