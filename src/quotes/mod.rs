//! Quotations and their speakers. (Placeholder.)

use crate::doc::Document;

/// Fills `doc.quotes`.
pub fn find(_doc: &mut Document) {}
