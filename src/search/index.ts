/**
 * The minisearch index over the knowledge base: one document per entry, per stage and per
 * decline, searched with the shared analyzer. Besides minisearch's score, each hit carries
 * what the confidence gate needs: how much of the question (weighted by how rare each
 * term is) the document covers.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Analyzer } from './analyze.ts';
import { questionShape, type QuestionShape } from './question-shape.ts';

export type DocKind = 'entry' | 'stage' | 'decline';

interface SearchDoc {
  key: string;
  kind: DocKind;
  id: string;
  shape: QuestionShape;
  question: string;
  alts: string;
  tags: string;
  answer: string;
}

export interface Hit {
  kind: DocKind;
  id: string;
  score: number;
  /** Share of the question's information (idf-weighted) that this document matches. */
  coverage: number;
  /** Query terms this document matched. */
  matched: string[];
}

export interface SearchOutcome {
  /** The question's distinct terms after analysis. */
  terms: string[];
  /** Share of the question's terms the knowledge base knows at all (exact or close spelling). */
  known: number;
  hits: Hit[];
}

export interface IndexOptions {
  /** A snapshot from `KnowledgeIndex.snapshot()` of the same knowledge base: loads instead of rebuilding. */
  snapshot?: IndexSnapshot;
}

/** What it takes to restore an index without re-analysing every text (plain JSON data). */
export interface IndexSnapshot {
  minisearch: unknown;
  df: [string, number][];
  tagVocab: string[];
}

export interface KnowledgeIndex {
  search(question: string): SearchOutcome;
  /** Entry ids whose question starts with or contains the typed words, for autocomplete. */
  complete(prefix: string, limit: number): string[];
  /** The built index as JSON-ready data, for the start-up cache. */
  snapshot(): IndexSnapshot;
}

const STAGE_WEIGHT = 0.6;
// A term in more than this share of documents (and at least COMMON_MIN_DOCS) is "common".
const COMMON_SHARE = 0.5;
const COMMON_MIN_DOCS = 50;
type IndexedField = 'question' | 'alts' | 'tags' | 'answer';
// A term in more answers than this share is left out of the answer field.
const ANSWER_COMMON_SHARE = 0.05;
// How many leading results are re-weighted and considered.
const RERANK = 60;
// Curators list an entry's key terms in its tags, so the tag vocabulary is the domain's own
// ("cdn", "https", "python"). Other words ("small", "benefit", "problem") still count, but
// less: otherwise three everyday words outvote the one technical term the question is about.
const PLAIN_WORD_WEIGHT = 0.5;
const PLAIN_WORD_COVERAGE = 0.7;
// An entry asked in the same shape as the question (definition, comparison, how-to).
const SHAPE_WEIGHT = 1.35;
// Questions and paraphrases count most, answers least.
const FIELD_BOOST = { question: 3, alts: 2.5, tags: 2, answer: 0.6 };
// Hits reported to the router (plus the best decline, when it is not among them).
const HITS = 8;

/**
 * How much a matched term says about the document fitting the question: a match in the
 * question, paraphrases or tags is full evidence; a match only in the answer text, or only
 * through a spelling correction, is weaker.
 */
function evidence(fields: string[], corrected: boolean): number {
  const strong = fields.some((f) => f !== 'answer');
  return (strong ? 1 : 0.5) * (corrected ? 0.8 : 1);
}

const splitTerms = (text: string) => text.split(' ');

// Fuzzy matching only for longer terms: "api" and "app" must stay apart, "databse" must not.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);

export function buildIndex(kb: KnowledgeBase, analyzer: Analyzer, options: IndexOptions = {}): KnowledgeIndex {
  const docs: SearchDoc[] = [
    ...kb.entries.map((e) => ({
      key: `e:${e.id}`,
      kind: 'entry' as const,
      id: e.id,
      shape: questionShape(e.question),
      question: e.question,
      alts: e.alts.join(' \n '),
      tags: e.tags.join(' '),
      answer: e.answer,
    })),
    ...kb.stages.map((s) => ({
      key: `s:${s.id}`,
      kind: 'stage' as const,
      id: s.id,
      shape: 'other' as const,
      question: `${s.title} stage`,
      alts: s.aliases.join(' \n '),
      tags: '',
      answer: `${s.summary} ${s.learn.join(' ')}`,
    })),
    ...kb.declines.map((d) => ({
      key: `d:${d.id}`,
      kind: 'decline' as const,
      id: d.id,
      shape: 'other' as const,
      question: d.question,
      alts: d.alts.join(' \n '),
      tags: d.tags.join(' '),
      answer: '',
    })),
  ];

  // Each text is analysed once, up front: the terms give document frequencies (for
  // idf-weighted coverage) before the index is built, and minisearch then reads them back.
  const df = new Map<string, number>();
  const answerDf = new Map<string, number>();
  const tagVocab = new Set<string>();
  const analysed = new Map<SearchDoc, Record<IndexedField, string[]>>();
  if (!options.snapshot)
    for (const d of docs) {
      const fields = { question: analyzer.terms(d.question), alts: analyzer.terms(d.alts), tags: analyzer.terms(d.tags), answer: analyzer.terms(d.answer) };
      analysed.set(d, fields);
      for (const t of new Set([...fields.question, ...fields.alts, ...fields.tags, ...fields.answer])) df.set(t, (df.get(t) ?? 0) + 1);
      for (const t of new Set(fields.answer)) answerDf.set(t, (answerDf.get(t) ?? 0) + 1);
      for (const t of fields.tags) tagVocab.add(t);
    }
  // In answer text, the words most answers use ("use", "one", "keep") only make every
  // document a candidate for every question; the answer field keeps its distinctive words.
  const answerCutoff = Math.max(COMMON_MIN_DOCS, ANSWER_COMMON_SHARE * docs.length);
  let current: Record<IndexedField, string[]> | undefined;

  const indexOptions = {
    idField: 'key',
    fields: ['question', 'alts', 'tags', 'answer'],
    storeFields: ['kind', 'id', 'shape'],
    extractField: (doc: SearchDoc, field: string) => {
      current = analysed.get(doc);
      return (doc as unknown as Record<string, string>)[field] as string;
    },
    tokenize: (text: string, field?: string) => {
      const terms = current?.[field as IndexedField];
      if (!terms) return analyzer.terms(text);
      return field === 'answer' ? terms.filter((t) => (answerDf.get(t) ?? 0) <= answerCutoff) : terms;
    },
    processTerm: (term: string) => term,
    searchOptions: {
      boost: FIELD_BOOST,
      fuzzy,
      prefix: false,
      combineWith: 'OR' as const,
    },
  };
  let ms: MiniSearch<SearchDoc>;
  if (options.snapshot) {
    ms = MiniSearch.loadJS(options.snapshot.minisearch as Parameters<typeof MiniSearch.loadJS>[0], indexOptions);
    for (const [t, count] of options.snapshot.df) df.set(t, count);
    for (const t of options.snapshot.tagVocab) tagVocab.add(t);
  } else {
    ms = new MiniSearch<SearchDoc>(indexOptions);
    ms.addAll(docs);
    analysed.clear();
    current = undefined;
  }

  const n = docs.length;
  const idf = (term: string) => Math.log(1 + n / (1 + (df.get(term) ?? 0)));
  // A term the knowledge base has never seen carries the most information of all.
  const unknownIdf = Math.log(1 + n);
  const commonCutoff = Math.max(COMMON_MIN_DOCS, COMMON_SHARE * n);
  const limit = HITS;

  const questionDocs = docs.filter((d) => d.kind === 'entry');

  return {
    snapshot: () => ({ minisearch: ms.toJSON(), df: [...df], tagVocab: [...tagVocab] }),
    search(question) {
      const allTerms = [...new Set(analyzer.terms(question))];
      if (!allTerms.length) return { terms: allTerms, known: 0, hits: [] };
      // Terms in a large share of all documents ("use", "backend" here) rank almost nothing
      // but make every document a candidate, which is what costs time on a big base. They
      // are left out of the search and of coverage, unless they are all the question has.
      const rare = allTerms.filter((t) => (df.get(t) ?? 0) <= commonCutoff);
      // A question made only of common words is matched on its two rarest, against the
      // questions and tags alone ("what is backend development").
      const terms = rare.length ? rare : [...allTerms].sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0)).slice(0, 2);
      const shape = questionShape(question);
      // The terms are analysed already: split them as they are instead of analysing twice.
      const found = ms.search(terms.join(' '), {
        tokenize: splitTerms,
        boostTerm: (term) => (tagVocab.has(term) ? 1 : PLAIN_WORD_WEIGHT),
        // Only words the knowledge base has never seen are worth correcting ("databse"); a
        // known word matching its neighbours too would blur it and cost time on big bases.
        fuzzy: (term) => (df.has(term) ? false : fuzzy(term)),
        fields: rare.length ? undefined : ['question', 'tags'],
      });
      // Document weights are applied to the leading candidates only: a per-document callback
      // inside the search would run for every posting of every term.
      const results = found
        .slice(0, RERANK)
        .map((r) => {
          const stored = r as unknown as { kind: DocKind; id: string; shape: QuestionShape };
          const weight = (stored.kind === 'stage' ? STAGE_WEIGHT : 1) * (shape !== 'other' && stored.shape === shape ? SHAPE_WEIGHT : 1);
          return { ...r, kind: stored.kind, id: stored.id, score: r.score * weight };
        })
        .sort((a, b) => b.score - a.score);
      const weight = new Map(terms.map((t) => [t, df.has(t) ? idf(t) * (tagVocab.has(t) ? 1 : PLAIN_WORD_COVERAGE) : unknownIdf]));
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const knownTerms = new Set<string>();
      const hits: Hit[] = results.map((r) => {
        const matched = r.queryTerms.filter((t) => weight.has(t));
        for (const t of matched) knownTerms.add(t);
        const fuzzyFields = Object.entries(r.match).filter(([docTerm]) => !weight.has(docTerm)).flatMap(([, fields]) => fields);
        // match is a plain object: "constructor" and friends must not be read from its prototype.
        const fieldsOf = (t: string) => (Object.hasOwn(r.match, t) ? (r.match[t] as string[]) : undefined);
        const covered = matched.reduce((sum, t) => sum + (weight.get(t) ?? 0) * evidence(fieldsOf(t) ?? fuzzyFields, fieldsOf(t) === undefined), 0);
        return { kind: r.kind, id: r.id, score: r.score, coverage: total ? covered / total : 0, matched };
      });
      for (const t of allTerms) if (df.has(t)) knownTerms.add(t);
      // The best decline is always reported, even when entries outscore it: the router
      // compares it with the best entry by how much of the question each explains.
      const top = hits.slice(0, limit);
      const decline = top.some((h) => h.kind === 'decline') ? undefined : hits.find((h) => h.kind === 'decline');
      return { terms: allTerms, known: knownTerms.size / allTerms.length, hits: decline ? [...top, decline] : top };
    },
    complete(prefix, max) {
      const text = prefix.trim().toLowerCase();
      if (!text) return questionDocs.slice(0, max).map((d) => d.id);
      const found = ms.search(text, { prefix: (_t, i, all) => i === all.length - 1, fuzzy, combineWith: 'AND', filter: (r) => r.kind === 'entry' });
      return found.slice(0, max).map((r) => r.id as string);
    },
  };
}
