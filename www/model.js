// The display index: lookups the views need over the document the WASM core returned.
//
// All language decisions (what is an entity, who said a quote, which mentions are one entity)
// come from the core. This module only arranges them for display: it drops malformed ranges so a
// bad result can never break the page, maps clusters to "groups" the panel and lists show, and
// answers "which sentence is this in" and "who appears next to whom" with plain array walks.
// When the core returns no clusters, mentions are grouped by exact text and label — a display
// fallback, not coreference.

/** Full names of the entity labels, for headings and accessible names. */
export const LABELS = {
  PER: { name: "Person", plural: "People" },
  ORG: { name: "Organisation", plural: "Organisations" },
  LOC: { name: "Place", plural: "Places" },
  MISC: { name: "Other name", plural: "Other names" },
};

/** Labels in display order. */
export const LABEL_ORDER = ["PER", "ORG", "LOC", "MISC"];

/**
 * Value labels (OntoNotes): name, plural, and the legend group that shows or hides them. Values
 * are drawn more calmly than names: three groups, not seven colours.
 */
export const VALUE_LABELS = {
  DATE: { name: "Date", plural: "Dates", group: "WHEN" },
  TIME: { name: "Time", plural: "Times", group: "WHEN" },
  MONEY: { name: "Money", plural: "Money", group: "AMOUNT" },
  PERCENT: { name: "Percentage", plural: "Percentages", group: "AMOUNT" },
  QUANTITY: { name: "Quantity", plural: "Quantities", group: "AMOUNT" },
  CARDINAL: { name: "Number", plural: "Numbers", group: "NUMBER" },
  ORDINAL: { name: "Ordinal", plural: "Ordinals", group: "NUMBER" },
};

/** Value labels in display order. */
export const VALUE_ORDER = ["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"];

/**
 * Keeps ranges that lie inside the text, are non-empty, and do not overlap an earlier kept one.
 * A generator (`yield*` it) that yields between blocks of items; returns [{r, i}].
 */
function* cleanRanges(items, length) {
  const order = [];
  for (let i = 0; i < items.length; i++) {
    const r = items[i];
    if (r && Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end <= length && r.start < r.end) order.push({ r, i });
    if (i % EVERY === EVERY - 1) yield;
  }
  // The core emits every layer in order; sort only when something is not.
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) {
    const a = order[k - 1].r;
    const b = order[k].r;
    sorted = a.start < b.start || (a.start === b.start && a.end <= b.end);
  }
  if (!sorted) order.sort((a, b) => a.r.start - b.r.start || a.r.end - b.r.end);
  yield;
  const out = [];
  let lastEnd = -1;
  for (const item of order) {
    if (item.r.start >= lastEnd) {
      out.push(item);
      lastEnd = item.r.end;
    }
  }
  return out;
}

/** Index of the last range whose start is <= pos, or -1 (ranges sorted by start). */
function lastStartingAtOrBefore(ranges, pos) {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the range containing `pos`, or -1 (sorted, non-overlapping ranges). */
export function rangeAt(ranges, pos) {
  const i = lastStartingAtOrBefore(ranges, pos);
  return i >= 0 && pos < ranges[i].end ? i : -1;
}

/**
 * Builds the display index of `doc` (the object `annotate` returned for `text`).
 * Returned fields:
 *  - entities: the document's entities, `null` where one was malformed or overlapped another.
 *  - quotes: likewise for quotes.
 *  - values: likewise for values (dates, money, numbers…); valueOrder: their indices in text order.
 *  - groups: [{key, cluster, label, name, aliases, mentions, salience, quotes}], one per cluster
 *    (or per text+label in the fallback), mentions as entity indices in text order.
 *  - groupOfEntity: Int32Array, entity index -> group index (-1 if none).
 *  - groupOfQuote: Int32Array, quote index -> group index of its speaker (-1 if unknown).
 *  - sentences: the ranges used for "the sentence of" and co-occurrence.
 *  - headline: the first paragraph when the core judged it the article's headline, else null.
 */
export function buildIndex(text, doc) {
  const steps = indexSteps(text, doc);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Items a loop handles between two chances to yield. */
const EVERY = 4096;

/**
 * [`buildIndex`] in slices of about `sliceMs` of work, yielding to the browser between them so a
 * document with 10^5 entities never blocks the page in one task. Resolves to the index, or to
 * null as soon as `isCancelled()` says the result is no longer wanted.
 */
export async function buildIndexInSlices(text, doc, { sliceMs = 15, isCancelled = () => false } = {}) {
  const steps = indexSteps(text, doc);
  let t0 = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - t0 > sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (isCancelled()) return null;
      t0 = performance.now();
    }
  }
}

/** The work of [`buildIndex`] as a generator that yields every so often (see EVERY). */
function* indexSteps(text, doc) {
  const length = text.length;
  const arr = (x) => (Array.isArray(x) ? x : []);
  const rawEntities = arr(doc.entities);
  const rawQuotes = arr(doc.quotes);

  const entities = new Array(rawEntities.length).fill(null);
  for (const { r, i } of yield* cleanRanges(rawEntities, length)) {
    if (LABELS[r.label]) entities[i] = r;
  }
  const quotes = new Array(rawQuotes.length).fill(null);
  for (const { r, i } of yield* cleanRanges(rawQuotes, length)) quotes[i] = r;
  // Values never overlap entities (the core promises it); the reading view still draws the two
  // layers as one and drops a value that would cross an entity.
  const rawValues = arr(doc.values);
  const values = new Array(rawValues.length).fill(null);
  for (const { r, i } of yield* cleanRanges(rawValues, length)) {
    if (VALUE_LABELS[r.label]) values[i] = r;
  }
  const valueOrder = [];
  for (let i = 0; i < values.length; i++) if (values[i]) valueOrder.push(i);
  yield;

  // Entity indices in text order (the core emits them in order; this does not rely on it).
  const entityOrder = entities
    .map((e, i) => (e ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => entities[a].start - entities[b].start);
  yield;

  const groups = [];
  const groupOfEntity = new Int32Array(rawEntities.length).fill(-1);
  const groupOfCluster = new Map();
  for (const [k, c] of arr(doc.clusters).entries()) {
    if (k % EVERY === EVERY - 1) yield;
    const mentions = arr(c.mentions).filter((m) => Number.isInteger(m) && entities[m] && groupOfEntity[m] < 0);
    if (!mentions.length || !LABELS[c.label]) continue;
    mentions.sort((a, b) => entities[a].start - entities[b].start);
    const g = groups.length;
    for (const m of mentions) groupOfEntity[m] = g;
    groupOfCluster.set(c.id, g);
    groups.push({
      key: `c${c.id}`,
      cluster: c.id,
      label: c.label,
      name: String(c.name || entities[mentions[0]].text),
      aliases: arr(c.aliases).map(String),
      mentions,
      salience: Number.isFinite(c.salience) ? c.salience : 0,
      quotes: [],
    });
  }
  // Mentions no cluster claims (all of them when the core returned no clusters): group by text.
  const byText = new Map();
  for (const [k, i] of entityOrder.entries()) {
    if (k % EVERY === EVERY - 1) yield;
    if (groupOfEntity[i] >= 0) continue;
    const e = entities[i];
    const key = `${e.label}\u0000${e.text}`;
    let g = byText.get(key);
    if (g === undefined) {
      g = groups.length;
      byText.set(key, g);
      groups.push({ key: `t${g}`, cluster: null, label: e.label, name: e.text, aliases: [], mentions: [], salience: null, quotes: [] });
    }
    groups[g].mentions.push(i);
    groupOfEntity[i] = g;
  }

  // Who said each quote: the core's cluster when it has one; otherwise the entity the speaker
  // mention falls on, if any (display only).
  const orderedEntities = entityOrder.map((i) => entities[i]);
  const groupOfQuote = new Int32Array(rawQuotes.length).fill(-1);
  for (const [qi, q] of quotes.entries()) {
    if (qi % EVERY === EVERY - 1) yield;
    if (!q) continue;
    let g = q.cluster != null && groupOfCluster.has(q.cluster) ? groupOfCluster.get(q.cluster) : -1;
    if (g < 0 && q.speaker && Number.isInteger(q.speaker.start)) {
      const k = rangeAt(orderedEntities, q.speaker.start);
      if (k >= 0) g = groupOfEntity[entityOrder[k]];
    }
    groupOfQuote[qi] = g;
    if (g >= 0) groups[g].quotes.push(qi);
  }

  // Sentences for context and co-occurrence; paragraphs when the text layer gave no sentences.
  const paragraphs = (yield* cleanRanges(arr(doc.paragraphs), length)).map(({ r }) => r);
  let sentences = (yield* cleanRanges(arr(doc.sentences), length)).map(({ r }) => r);
  // The headline the core found (the first paragraph, when it is one), drawn as a heading.
  const h = doc.headline;
  const headline = h && paragraphs.length && paragraphs[0].start === h.start && paragraphs[0].end === h.end ? paragraphs[0] : null;
  if (!sentences.length) sentences = paragraphs;
  const sentenceOfEntity = new Int32Array(rawEntities.length).fill(-1);
  const entitiesOfSentence = new Map();
  for (const [k, i] of entityOrder.entries()) {
    if (k % EVERY === EVERY - 1) yield;
    const s = rangeAt(sentences, entities[i].start);
    sentenceOfEntity[i] = s;
    if (s < 0) continue;
    if (!entitiesOfSentence.has(s)) entitiesOfSentence.set(s, []);
    entitiesOfSentence.get(s).push(i);
  }

  return {
    text,
    entities,
    quotes,
    values,
    valueOrder,
    entityOrder,
    groups,
    groupOfEntity,
    groupOfQuote,
    sentences,
    sentenceOfEntity,
    entitiesOfSentence,
    paragraphs,
    headline,
  };
}

/** Groups of one label, most salient first (core salience, else mention count, then position). */
export function groupsByLabel(index, label) {
  return index.groups
    .map((g, gi) => ({ g, gi }))
    .filter(({ g }) => g.label === label)
    .sort(
      (a, b) =>
        (b.g.salience ?? 0) - (a.g.salience ?? 0) ||
        b.g.mentions.length - a.g.mentions.length ||
        index.entities[a.g.mentions[0]].start - index.entities[b.g.mentions[0]].start,
    )
    .map(({ gi }) => gi);
}

/**
 * The groups that share the most sentences with group `gi`, as [{group, count, entity}] where
 * `entity` is the first mention of that group in a shared sentence (where "go there" goes).
 */
export function coOccurring(index, gi, limit = 5) {
  const seen = new Map();
  const sentencesOfGroup = new Set();
  for (const m of index.groups[gi].mentions) {
    const s = index.sentenceOfEntity[m];
    if (s >= 0) sentencesOfGroup.add(s);
  }
  for (const s of [...sentencesOfGroup].sort((a, b) => a - b)) {
    const counted = new Set();
    for (const e of index.entitiesOfSentence.get(s) || []) {
      const g = index.groupOfEntity[e];
      if (g < 0 || g === gi || counted.has(g)) continue;
      counted.add(g);
      const row = seen.get(g);
      if (row) row.count += 1;
      else seen.set(g, { group: g, count: 1, entity: e });
    }
  }
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || index.entities[a.entity].start - index.entities[b.entity].start)
    .slice(0, limit);
}

/**
 * The mentions of group `gi` with their sentences, in text order: [{entity, pos, start, end}]
 * where [start, end) is the sentence (or a window of text) around the mention.
 */
export function mentionsOf(index, gi) {
  return index.groups[gi].mentions.map((entity, pos) => {
    const e = index.entities[entity];
    return { entity, pos, ...contextAround(index, e.start, e.end) };
  });
}

/** The sentence (or paragraph) range around `pos`, or a window of text when there is none. */
export function contextAround(index, start, end) {
  const s = rangeAt(index.sentences, start);
  if (s >= 0) return { start: index.sentences[s].start, end: Math.max(index.sentences[s].end, end) };
  const from = Math.max(0, start - 120);
  const to = Math.min(index.text.length, end + 120);
  return { start: from, end: to };
}
