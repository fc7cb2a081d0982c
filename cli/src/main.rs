//! `loupe`: the command-line face of the pipeline.
//!
//! A thin layer: it reads input, calls [`loupe::annotate`] (or the NER model directly for
//! CoNLL columns), converts offsets to Unicode code points through [`loupe::view`] and writes
//! JSON. No language logic lives here.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "loupe", version, about = "Entities, quotations and who said them, in news text.")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate plain text (FILE or stdin) and print one JSON document. Offsets are Unicode
    /// code points into the input, end exclusive.
    Annotate {
        /// Text file to read; stdin when absent or "-".
        file: Option<PathBuf>,
        /// Read JSON lines {"id": ..., "text": ...} and write one document line per input line,
        /// with the same id. Bad lines are reported on stderr with their line number and
        /// produce an {"id", "error"} line; the batch goes on.
        #[arg(long)]
        jsonl: bool,
        /// Indent the JSON (ignored with --jsonl).
        #[arg(long)]
        pretty: bool,
        /// The article's date, YYYY-MM-DD: relative dates ("yesterday", "last week") are
        /// resolved against it. Without it, against the article's dateline if it has one.
        /// With --jsonl, a line's own "date" field takes precedence.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<loupe::values::Date>,
        /// Worker threads for --jsonl: 0 = one per available core, at most 256. The output is
        /// the same, in input order, for any number.
        #[arg(long, default_value_t = 0, value_name = "N")]
        threads: usize,
        /// No progress display on stderr (shown only when stderr is a terminal). Errors are
        /// still reported.
        #[arg(long, short)]
        quiet: bool,
        /// Apply the corrections in FILE (a JSON array of edit records, code-point offsets, see
        /// the README; or a JSON export, whose edits are taken) and add "applied" and "dropped"
        /// to the output. Dropped edits are also reported on stderr.
        #[arg(long, value_name = "FILE")]
        edits: Option<PathBuf>,
        /// Write an export instead of the document: json (document + text + edits),
        /// quotes-csv, entities-csv, values-csv (dates, amounts, numbers with their normalised
        /// values), brat (needs --out), conll, html, quotes-tsv (quotes-csv with tabs, for
        /// spreadsheets). With --jsonl: json or conll.
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Write the export's files into DIR, named after the input file, instead of stdout.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Read CoNLL-style columns (first column = word; blank line ends a sentence, -DOCSTART-
    /// ends a document) and write every line back with the predicted IOB2 tag appended.
    TagConll {
        /// Column file to read; stdin when absent or "-".
        file: Option<PathBuf>,
    },
    /// Score the shipped models on every gold file found under the data directory
    /// (CoNLL-2003 *.iob2, PolNeAR-style *.jsonl). Trains nothing.
    Eval {
        /// Data directory [default: $LOUPE_DATA, else ../shared/data beside the repository].
        #[arg(long)]
        data: Option<PathBuf>,
        /// Values test set to score (JSON lines {"id", "text", "values": [{"start", "end",
        /// "label"}], "date"?}, code points) [default: tests/fixtures/values.jsonl of the
        /// repository, when present].
        #[arg(long, value_name = "FILE")]
        values: Option<PathBuf>,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Also score files named train.* (skipped by default).
        #[arg(long)]
        all: bool,
        /// Also score text as people paste it: hard-wrapped, CRLF, one newline or none between
        /// paragraphs, straight quotes, no-break spaces, tab indents (quotation files and the
        /// CoNLL test set through raw text; gold offsets kept).
        #[arg(long)]
        perturb: bool,
    },
}

/// `--date`: a real calendar date written YYYY-MM-DD.
fn parse_date(s: &str) -> Result<loupe::values::Date, String> {
    loupe::values::Date::parse(s).ok_or_else(|| format!("{s:?} is not a calendar date written YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Annotate { file, jsonl, pretty, date, threads, quiet, edits, format, out } => {
            let o = cli::export::Options {
                file: file.as_deref(),
                jsonl,
                pretty,
                edits: edits.as_deref(),
                format: format.as_deref(),
                out: out.as_deref(),
                date,
                threads,
                quiet,
            };
            if cli::export::wanted(&o) {
                cli::export::run(&o)
            } else {
                cli::annotate::run(&cli::annotate::Options {
                    file: file.as_deref(),
                    jsonl,
                    pretty,
                    threads,
                    quiet,
                    date,
                    export: None,
                })
            }
        }
        Command::TagConll { file } => cli::conll::run(file.as_deref()),
        Command::Eval { data, values, json, all, perturb } => cli::eval::run(data, values, json, all, perturb),
    };
    match result {
        Ok(cli::Outcome::AllGood) => ExitCode::SUCCESS,
        Ok(cli::Outcome::SomeFailed(n)) => {
            eprintln!("loupe: {n} input(s) failed (see messages above)");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("loupe: {e}");
            ExitCode::from(2)
        }
    }
}
