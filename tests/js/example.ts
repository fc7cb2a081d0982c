// What a TypeScript developer writes against the `loupe` package; `tsc --noEmit` type-checks it
// (scripts/js-test.sh) against the declarations generated from src/view.rs.
import { annotate, type DocumentView, type EntityView, type QuoteView } from "loupe";

const text = "“We will rebuild the bridge,” said Mayor Ana Ruiz of Lisbon.";
const doc: DocumentView = annotate(text);

const people: string[] = doc.entities.filter((e: EntityView) => e.label === "PER").map((e) => text.slice(e.start, e.end));
const speakers: (string | null)[] = doc.quotes.map((q: QuoteView) => q.speaker?.text ?? null);
const central = doc.clusters.reduce((a, b) => (b.salience > a.salience ? b : a), doc.clusters[0]);
console.log(people, speakers, central?.name, doc.sentences.length + doc.paragraphs.length);

// @ts-expect-error: a quote's speaker may be null, so this must not type-check.
console.log(doc.quotes[0].speaker.text);
