// The `loupe` JS package (scripts/build-js.sh → target/js) imported from Node by its package
// name, as a developer would: UTF-16 offsets index the JS string, absent values are null.
import { test } from "node:test";
import assert from "node:assert/strict";
import { annotate, info } from "loupe";

const TEXT = "Zoë Ng 😀 visited Tromsø.\n\n“The ferry runs again 🎉,” said Mayor Ana Ruiz of Lisbon.";

test("offsets are UTF-16 code units into the string passed in", () => {
  const doc = annotate(TEXT);
  assert.ok(doc.entities.length > 0 && doc.quotes.length === 1);
  for (const e of doc.entities) assert.equal(TEXT.slice(e.start, e.end), e.text);
  const q = doc.quotes[0];
  // After two astral emoji: a code-point offset would be 2 less than the JS index.
  assert.equal(q.start, TEXT.indexOf("“"));
  assert.equal(TEXT.slice(q.start, q.end), "“The ferry runs again 🎉,”");
  for (const part of [q.speaker, q.cue]) assert.equal(TEXT.slice(part.start, part.end), part.text);
  assert.deepEqual(doc.sentences.at(-1), { start: TEXT.indexOf("“"), end: TEXT.length });
});

test("the document has the CLI's keys, with null for absent values", () => {
  const doc = annotate("“We are closing the old pier for good after forty years.”");
  assert.deepEqual(Object.keys(doc), ["sentences", "paragraphs", "headline", "entities", "values", "quotes", "clusters"]);
  assert.equal(doc.headline, null);
  assert.deepEqual(
    doc.values.map((v) => [v.label, v.text, v.value && v.value.iso, v.description]),
    [["DATE", "forty years", "P40Y", "P40Y"]],
  );
  assert.equal(doc.quotes.length, 1);
  assert.deepEqual(Object.keys(doc.quotes[0]), ["start", "end", "text", "speaker", "cue", "cluster"]);
  assert.equal(doc.quotes[0].speaker, null);
  assert.equal(doc.quotes[0].cue, null);
  assert.equal(doc.quotes[0].cluster, null);
  assert.deepEqual(annotate(""), { sentences: [], paragraphs: [], headline: null, entities: [], values: [], quotes: [], clusters: [] });
});

test("info names the package", () => {
  assert.equal(info().name, "loupe");
});
