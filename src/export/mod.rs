//! Exports: the annotated (and corrected) document as files other tools read.
//!
//! Why in the core: the CLI (`loupe annotate --format F`) and the page (the WASM `export_files`
//! function) must produce the same files, so both call [`export`], which returns strings and
//! does no I/O. One file per format:
//!
//! - [`json`]: the README document plus the text and the edit list; [`json::import`] reads it
//!   back;
//! - [`csv`]: "who said what" (one row per quotation; also tab-separated, for pasting into a
//!   spreadsheet), the entity groups and the values (one row per date, amount or number, its
//!   normalised value in columns), RFC 4180;
//! - [`brat`]: brat standoff (`.txt`, `.ann`, `annotation.conf`), values with their normalised
//!   value as `AnnotatorNotes`;
//! - [`conll`]: a token per line with its IOB2 tag (entity or value type);
//! - [`html`]: a self-contained report (inline CSS, no script).
//!
//! [`normal`] writes a normalised value in a few words, the same in brat and HTML.
//!
//! Offsets in exported files are Unicode code points (brat and most readers are Python),
//! converted by [`crate::view`], whatever face asked.
//!
//! Adding a layer means a T line type in `brat`, rows or a file in `csv`, a class in `html` and
//! a field in `json`'s `Export` (the values layer did all four).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod html;
pub mod json;
pub mod normal;

use crate::doc::Document;
use crate::edits::Edit;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The document, its text and its edits, as JSON ([`json`]).
    Json,
    /// One row per quotation ([`csv::quotes`]).
    QuotesCsv,
    /// One row per quotation, tab-separated, for spreadsheets' paste ([`csv::quotes_tsv`]).
    QuotesTsv,
    /// One row per entity group ([`csv::entities`]).
    EntitiesCsv,
    /// One row per value expression ([`csv::values`]).
    ValuesCsv,
    /// brat standoff: three files ([`brat`]).
    Brat,
    /// Token per line, IOB2 ([`conll`]).
    Conll,
    /// A readable report ([`html`]).
    Html,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 8] = [
        Format::Json,
        Format::QuotesCsv,
        Format::EntitiesCsv,
        Format::ValuesCsv,
        Format::Brat,
        Format::Conll,
        Format::Html,
        Format::QuotesTsv,
    ];

    /// The name the faces use ("json", "quotes-csv", …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::QuotesCsv => "quotes-csv",
            Format::QuotesTsv => "quotes-tsv",
            Format::EntitiesCsv => "entities-csv",
            Format::ValuesCsv => "values-csv",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Html => "html",
        }
    }

    /// The format called `name`, or an error listing the names.
    ///
    /// ```
    /// use loupe::export::Format;
    /// assert_eq!(Format::parse("brat"), Ok(Format::Brat));
    /// assert!(Format::parse("xml").unwrap_err().contains("quotes-csv"));
    /// ```
    pub fn parse(name: &str) -> Result<Format, String> {
        Format::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format “{name}”; use one of {}", names.join(", "))
        })
    }
}

/// One exported file: its name and its contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct File {
    /// `stem` plus the format's extension ("article.ann"), or a fixed name ("annotation.conf").
    pub name: String,
    /// The contents.
    pub content: String,
}

/// Exports `doc` (with the edits applied to it, byte offsets, as `annotate_with_edits`
/// reports them) in `format`; files are named after `stem`.
///
/// ```
/// use loupe::export::{export, Format};
///
/// let (doc, report) = loupe::annotate_with_edits("“Yes,” said Ana Ruiz.", &loupe::Options::default(), &[]);
/// let files = export(&doc, &report.applied, Format::QuotesCsv, "a");
/// assert_eq!(files[0].name, "a.quotes.csv");
/// assert!(files[0].content.contains("Ana Ruiz"));
/// ```
pub fn export(doc: &Document, edits: &[Edit], format: Format, stem: &str) -> Vec<File> {
    let file = |ext: &str, content: String| File { name: format!("{stem}.{ext}"), content };
    match format {
        Format::Json => vec![file("json", json::export(doc, edits))],
        Format::QuotesCsv => vec![file("quotes.csv", csv::quotes(doc))],
        Format::QuotesTsv => vec![file("quotes.tsv", csv::quotes_tsv(doc))],
        Format::EntitiesCsv => vec![file("entities.csv", csv::entities(doc))],
        Format::ValuesCsv => vec![file("values.csv", csv::values(doc))],
        Format::Brat => vec![
            file("txt", doc.text.clone()),
            file("ann", brat::ann(doc)),
            File { name: "annotation.conf".into(), content: brat::CONF.into() },
        ],
        Format::Conll => vec![file("conll", conll::document(doc))],
        Format::Html => vec![file("html", html::report(doc, stem))],
    }
}
