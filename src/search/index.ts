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
  /** Field boosts; questions and paraphrases count most, answers least. */
  boost?: Partial<Record<'question' | 'alts' | 'tags' | 'answer', number>>;
  /** How many hits to keep. */
  limit?: number;
}

export interface KnowledgeIndex {
  search(question: string): SearchOutcome;
  /** Entry ids whose question starts with or contains the typed words, for autocomplete. */
  complete(prefix: string, limit: number): string[];
  readonly documentCount: number;
}

const STAGE_WEIGHT = 0.6;
// An entry asked in the same shape as the question (definition, comparison, how-to).
const SHAPE_WEIGHT = 1.25;
const DEFAULT_BOOST = { question: 3, alts: 2.5, tags: 2, answer: 0.6 };

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

  const ms = new MiniSearch<SearchDoc>({
    idField: 'key',
    fields: ['question', 'alts', 'tags', 'answer'],
    storeFields: ['kind', 'id', 'shape'],
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { ...DEFAULT_BOOST, ...options.boost },
      fuzzy,
      prefix: false,
      combineWith: 'OR',
    },
  });
  ms.addAll(docs);

  // Document frequency per term (over all fields), for idf-weighted coverage.
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(analyzer.terms(`${d.question} ${d.alts} ${d.tags} ${d.answer}`))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (term: string) => Math.log(1 + n / (1 + (df.get(term) ?? 0)));
  // A term the knowledge base has never seen carries the most information of all.
  const unknownIdf = Math.log(1 + n);
  const limit = options.limit ?? 8;

  const questionDocs = docs.filter((d) => d.kind === 'entry');

  return {
    documentCount: n,
    search(question) {
      const terms = [...new Set(analyzer.terms(question))];
      if (!terms.length) return { terms, known: 0, hits: [] };
      // The terms are analysed already: split them as they are instead of analysing twice.
      const shape = questionShape(question);
      const results = ms.search(terms.join(' '), {
        tokenize: splitTerms,
        boostDocument: (_key, _term, stored) =>
          // Stage cards are for broad questions; a specific entry should win when one fits.
          (stored?.kind === 'stage' ? STAGE_WEIGHT : 1) * (shape !== 'other' && stored?.shape === shape ? SHAPE_WEIGHT : 1),
      });
      const weight = new Map(terms.map((t) => [t, df.has(t) ? idf(t) : unknownIdf]));
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const knownTerms = new Set<string>();
      const hits: Hit[] = results.slice(0, Math.max(limit, 1) * 3).map((r) => {
        const matched = r.queryTerms.filter((t) => weight.has(t));
        for (const t of matched) knownTerms.add(t);
        const fuzzyFields = Object.entries(r.match).filter(([docTerm]) => !weight.has(docTerm)).flatMap(([, fields]) => fields);
        // match is a plain object: "constructor" and friends must not be read from its prototype.
        const fieldsOf = (t: string) => (Object.hasOwn(r.match, t) ? (r.match[t] as string[]) : undefined);
        const covered = matched.reduce((sum, t) => sum + (weight.get(t) ?? 0) * evidence(fieldsOf(t) ?? fuzzyFields, fieldsOf(t) === undefined), 0);
        return { kind: r.kind as DocKind, id: r.id as string, score: r.score, coverage: total ? covered / total : 0, matched };
      });
      for (const t of terms) if (df.has(t)) knownTerms.add(t);
      return { terms, known: knownTerms.size / terms.length, hits: hits.slice(0, limit) };
    },
    complete(prefix, max) {
      const text = prefix.trim().toLowerCase();
      if (!text) return questionDocs.slice(0, max).map((d) => d.id);
      const found = ms.search(text, { prefix: (_t, i, all) => i === all.length - 1, fuzzy, combineWith: 'AND', filter: (r) => r.kind === 'entry' });
      return found.slice(0, max).map((r) => r.id as string);
    },
  };
}
