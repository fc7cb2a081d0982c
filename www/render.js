// Builds the annotated reading view from the text and the display index.
//
// Three layers of ranges are drawn, outermost first: quotations, the speaker/cue mentions of
// quotations (so a pronoun speaker like "he" can be highlighted although it is no entity), and
// entities. Ranges of one layer never overlap (model.js guarantees it), but ranges of different
// layers may cross: an entity can straddle a quote's edge, a quote can run over a paragraph
// break. So the text of each paragraph is cut at every boundary of every layer, and the DOM is
// grown segment by segment with one open element per layer; when an outer element closes, the
// inner ones close too and reopen as a new *fragment* of the same range. Every fragment of a
// range carries the same data attribute, so highlighting and clicks treat them as one.
//
// User text only ever enters the DOM as text nodes. Rendering is sliced into short tasks so a
// 1 MB article never freezes the page.

import { LABELS, VALUE_LABELS } from "./model.js";

const SLICE_MS = 12;
/** Texts longer than this are drawn into chunks of CHUNK blocks (see `.chunk` in style.css). */
const BIG = 100000;
const CHUNK = 64;

/**
 * Speaker and cue mentions of the quotes, deduplicated, non-overlapping, in text order.
 * `pause()` is awaited every few thousand quotes (a long text has 10^4–10^5 of them).
 */
async function quoteMarks(index, pause) {
  const byKey = new Map();
  for (const [qi, q] of index.quotes.entries()) {
    if (qi % 4096 === 4095 && (await pause())) return null;
    if (!q) continue;
    for (const kind of ["speaker", "cue"]) {
      const s = q[kind];
      if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end)) continue;
      if (s.start < 0 || s.end > index.text.length || s.start >= s.end) continue;
      const key = `${s.start}:${s.end}`;
      if (!byKey.has(key)) byKey.set(key, { start: s.start, end: s.end, quotes: [] });
      byKey.get(key).quotes.push(qi);
    }
  }
  const marks = [];
  let lastEnd = -1;
  for (const m of [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (m.start >= lastEnd) {
      marks.push(m);
      lastEnd = m.end;
    }
  }
  return marks;
}

/**
 * The blocks (paragraphs) to render; gaps holding more than whitespace become blocks too. The
 * core's headline, if any, is marked `headline` (drawn as a heading, same text and offsets).
 */
function blocksOf(index) {
  const n = index.text.length;
  if (!index.paragraphs.length) return n ? [{ start: 0, end: n }] : [];
  const blocks = [];
  let pos = 0;
  for (const p of index.paragraphs) {
    if (p.start > pos && /\S/.test(index.text.slice(pos, p.start))) blocks.push({ start: pos, end: p.start });
    blocks.push(p === index.headline ? { start: p.start, end: p.end, headline: true } : p);
    pos = p.end;
  }
  if (pos < n && /\S/.test(index.text.slice(pos))) blocks.push({ start: pos, end: n });
  return blocks;
}

/**
 * Appends `chip` to `el` glued to the last word before it, so a label or speaker button never
 * starts a line on its own. The word stays the same text, only moved into a no-wrap span.
 */
function glue(el, chip) {
  const tail = el.lastChild;
  if (tail && tail.nodeType === Node.TEXT_NODE) {
    const t = tail.textContent;
    const cut = t.search(/\S{1,24}$/);
    if (cut >= 0) {
      const keep = document.createElement("span");
      keep.className = "nowrap";
      keep.append(t.slice(cut), chip);
      if (cut > 0) tail.textContent = t.slice(0, cut);
      else tail.remove();
      el.append(keep);
      return;
    }
  }
  el.append(chip);
}

/** A layer's ranges as {start, end, id} in text order, with a cursor for block-by-block walks. */
function layer(items) {
  return { items, k: 0 };
}

/** The items of `lay` overlapping [from, to), advancing its cursor past ranges ending before `from`. */
function overlapping(lay, from, to) {
  while (lay.k < lay.items.length && lay.items[lay.k].end <= from) lay.k++;
  const out = [];
  for (let j = lay.k; j < lay.items.length && lay.items[j].start < to; j++) out.push(lay.items[j]);
  return out;
}

/**
 * The innermost layer: entities and values (dates, money, numbers…) in text order, as
 * {start, end, id} (entity index) or {start, end, id: "v<i>", vi} (value index). The core never
 * lets the two overlap; a value that would cross an entity is left out rather than drawn wrong.
 */
function innermost(index) {
  const out = [];
  const ents = index.entityOrder;
  const vals = index.valueOrder;
  let i = 0;
  let j = 0;
  let lastEnd = -1;
  while (i < ents.length || j < vals.length) {
    const e = i < ents.length ? index.entities[ents[i]] : null;
    const v = j < vals.length ? index.values[vals[j]] : null;
    if (e && (!v || e.start <= v.start)) {
      out.push({ start: e.start, end: e.end, id: ents[i] });
      lastEnd = Math.max(lastEnd, e.end);
      i++;
    } else {
      const next = e ? e.start : Infinity;
      if (v.start >= lastEnd && v.end <= next) {
        out.push({ start: v.start, end: v.end, id: `v${vals[j]}`, vi: vals[j] });
        lastEnd = v.end;
      }
      j++;
    }
  }
  return out;
}

/**
 * Renders into `container` (emptied first). Returns a promise of `refs`:
 *  - entity: Map entity index -> [fragment elements]
 *  - quote: Map quote index -> [fragment elements]
 *  - mark: Map "start:end" -> [fragment elements] (speaker and cue mentions)
 *  - head: Map entity index -> the focusable fragment
 *  - chip: Map quote index -> the quote's button
 *  - value: Map value index -> [fragment elements]; valueHead: Map value index -> focusable fragment
 * `isCancelled()` is polled between slices; `onProgress(fraction)` is called after each slice.
 */
export async function render(container, index, { isCancelled = () => false, onProgress = () => {}, speakerName = () => "" } = {}) {
  container.replaceChildren();
  const text = index.text;
  const refs = { entity: new Map(), quote: new Map(), mark: new Map(), head: new Map(), chip: new Map(), value: new Map(), valueHead: new Map() };
  // Each layer of a long text takes tens of milliseconds to prepare: let a frame through between.
  const pause = async () => {
    if (text.length > BIG) await new Promise((resolve) => setTimeout(resolve, 0));
    return isCancelled();
  };
  const quotes = layer(index.quotes.map((q, i) => (q ? { start: q.start, end: q.end, id: i } : null)).filter(Boolean));
  if (await pause()) return null;
  const markList = await quoteMarks(index, pause);
  if (!markList || (await pause())) return null;
  const marks = layer(markList.map((m) => ({ start: m.start, end: m.end, id: `${m.start}:${m.end}` })));
  const ents = layer(innermost(index));
  if (await pause()) return null;
  const blocks = blocksOf(index);
  if (await pause()) return null;
  const big = text.length > BIG;
  container.classList.toggle("big", big);
  let chunk = container;

  const push = (map, key, el) => {
    const list = map.get(key);
    if (list) list.push(el);
    else map.set(key, [el]);
  };

  /** Adds the label chip and the accessible name once an entity's last fragment exists. */
  const finishEntity = (i) => {
    const frags = refs.entity.get(i);
    if (!frags || refs.head.has(i)) return;
    const e = index.entities[i];
    const head = frags[0];
    head.classList.add("ent-head");
    head.tabIndex = 0;
    head.setAttribute("role", "button");
    // The accessible name starts with what is shown (the text, then its label chip), so a
    // voice user can say what they see; the type's full name follows.
    head.setAttribute("aria-label", `${e.text} ${e.label}, ${LABELS[e.label].name}`);
    refs.head.set(i, head);
    const lbl = document.createElement("span");
    lbl.className = "lbl";
    lbl.setAttribute("aria-hidden", "true");
    // The chip's text is drawn by CSS from data-label (style.css), so it is no text of the
    // article: copying a passage does not pick up "LOC", and the visible text of the mention is
    // the mention, which the accessible name ("OAKLAND LOC, Place") begins with.
    lbl.dataset.label = e.label;
    glue(frags[frags.length - 1], lbl);
  };

  /** Makes a value's first fragment focusable, with its type in the accessible name. */
  const finishValue = (vi) => {
    const frags = refs.value.get(vi);
    if (!frags || refs.valueHead.has(vi)) return;
    const v = index.values[vi];
    const head = frags[0];
    head.classList.add("val-head");
    head.tabIndex = 0;
    head.setAttribute("role", "button");
    head.setAttribute("aria-label", `${v.text} (${VALUE_LABELS[v.label].name})`);
    refs.valueHead.set(vi, head);
  };

  /** Adds the button that opens a quote, at the end of its last fragment. */
  const finishQuote = (qi) => {
    const frags = refs.quote.get(qi);
    if (!frags || refs.chip.has(qi)) return;
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "qchip";
    btn.dataset.q = String(qi);
    const who = speakerName(qi);
    // The whole name is the button's text (a long one is cut by CSS), so what is shown is a
    // part of the accessible name.
    btn.textContent = who ? `— ${who}` : "— ?";
    btn.setAttribute("aria-label", who ? `Quotation by ${who}` : "Quotation, speaker unknown");
    glue(frags[frags.length - 1], btn);
    refs.chip.set(qi, btn);
  };

  const renderBlock = (b, bi) => {
    if (big && bi % CHUNK === 0) {
      chunk = document.createElement("div");
      chunk.className = "chunk";
      container.append(chunk);
    }
    const p = document.createElement(b.headline ? "h3" : "p");
    if (b.headline) p.className = "headline";
    // Where the block lies in the text: a selection in the view maps back to text offsets.
    p.dataset.start = String(b.start);
    p.dataset.end = String(b.end);
    const qs = overlapping(quotes, b.start, b.end);
    const ms = overlapping(marks, b.start, b.end);
    const es = overlapping(ents, b.start, b.end);
    const cuts = new Set([b.start, b.end]);
    for (const list of [qs, ms, es]) {
      for (const r of list) {
        if (r.start > b.start && r.start < b.end) cuts.add(r.start);
        if (r.end > b.start && r.end < b.end) cuts.add(r.end);
      }
    }
    const points = [...cuts].sort((x, y) => x - y);
    let qk = 0, mk = 0, ek = 0;
    let qEl = null, mEl = null, eEl = null;
    let qId = null, mId = null, eId = null;
    const covering = (list, k, pos) => {
      while (k < list.length && list[k].end <= pos) k++;
      return [k, k < list.length && list[k].start <= pos ? list[k] : null];
    };
    for (let s = 0; s + 1 < points.length; s++) {
      const a = points[s];
      const z = points[s + 1];
      let q, m, e;
      [qk, q] = covering(qs, qk, a);
      [mk, m] = covering(ms, mk, a);
      [ek, e] = covering(es, ek, a);
      const nq = q ? q.id : null;
      const nm = m ? m.id : null;
      const ne = e ? e.id : null;
      if (nq !== qId) {
        qEl = mEl = eEl = null;
        mId = eId = null;
        qId = nq;
        if (q) {
          qEl = document.createElement("span");
          qEl.className = "quote";
          qEl.dataset.q = String(q.id);
          p.append(qEl);
          push(refs.quote, q.id, qEl);
        }
      }
      if (nm !== mId) {
        mEl = eEl = null;
        eId = null;
        mId = nm;
        if (m) {
          mEl = document.createElement("span");
          mEl.className = "qmark";
          mEl.dataset.m = m.id;
          (qEl || p).append(mEl);
          push(refs.mark, m.id, mEl);
        }
      }
      if (ne !== eId) {
        eEl = null;
        eId = ne;
        if (e && e.vi !== undefined) {
          const val = index.values[e.vi];
          eEl = document.createElement("mark");
          eEl.className = `val val-${val.label} val-${VALUE_LABELS[val.label].group}`;
          eEl.dataset.v = String(e.vi);
          (mEl || qEl || p).append(eEl);
          push(refs.value, e.vi, eEl);
        } else if (e) {
          const ent = index.entities[e.id];
          eEl = document.createElement("mark");
          eEl.className = `ent ent-${ent.label}`;
          eEl.dataset.e = String(e.id);
          (mEl || qEl || p).append(eEl);
          push(refs.entity, e.id, eEl);
        }
      }
      (eEl || mEl || qEl || p).append(document.createTextNode(text.slice(a, z)));
    }
    chunk.append(p);
    for (const e of es) if (e.end <= b.end) (e.vi !== undefined ? finishValue(e.vi) : finishEntity(e.id));
    for (const q of qs) if (q.end <= b.end) finishQuote(q.id);
  };

  let t0 = performance.now();
  for (let bi = 0; bi < blocks.length; bi++) {
    renderBlock(blocks[bi], bi);
    if (performance.now() - t0 > SLICE_MS) {
      onProgress((bi + 1) / blocks.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (isCancelled()) return null;
      t0 = performance.now();
    }
  }
  // Ranges that run past the last block (not expected) still get their chip and name.
  for (const i of refs.entity.keys()) if (!refs.head.has(i)) finishEntity(i);
  for (const qi of refs.quote.keys()) if (!refs.chip.has(qi)) finishQuote(qi);
  for (const vi of refs.value.keys()) if (!refs.valueHead.has(vi)) finishValue(vi);
  onProgress(1);
  return refs;
}
