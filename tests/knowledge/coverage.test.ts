/**
 * The knowledge base as a product: every topic is substantial, every roadmap term has an
 * answer, and routing on an independent labelled set stays above floors. The floors sit a
 * little below today's figures so a change that makes routing clearly worse fails CI.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TOPIC_IDS } from '../../src/index.ts';
import { toJsonlLine } from '../../scripts/jsonl.ts';
import { score, type EvalItem } from '../../scripts/evaluate.ts';
import { kb, router } from '../support/core.ts';

const terms = parse(readFileSync(new URL('./roadmap-terms.yaml', import.meta.url), 'utf8')) as [string, string[]][];

describe('knowledge base coverage', () => {
  it.each(TOPIC_IDS.map((t) => [t]))('topic %s has at least 10 entries', (topic) => {
    expect(kb.entries.filter((e) => e.topic === topic).length).toBeGreaterThanOrEqual(10);
  });

  it('every stage card has 3 to 6 resources and a project', () => {
    expect(kb.stages.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const s of kb.stages) {
      expect(s.resources.length).toBeGreaterThanOrEqual(3);
      expect(s.resources.length).toBeLessThanOrEqual(6);
      expect(s.project.length).toBeGreaterThan(40);
    }
  });

  for (const [topic, list] of terms)
    it(`"what is X?" is answered for every ${topic} term of the roadmap`, () => {
      const unanswered = list.filter((term) => !router.answer(`what is ${term}?`).answered);
      expect(unanswered).toEqual([]);
    });
});

describe('routing quality on tests/eval/extra.yaml (labelled without looking at the knowledge base)', () => {
  const items = parse(readFileSync(new URL('../eval/extra.yaml', import.meta.url), 'utf8')) as EvalItem[];
  const figures = score(items, items.map((i) => toJsonlLine(i.q, router.answer(i.q))));

  it('answers at least 90% of in-scope questions with the right topic', () => expect(figures.top1).toBeGreaterThanOrEqual(0.9));
  it('declines at least 85% of out-of-scope questions', () => expect(figures.oosRejection).toBeGreaterThanOrEqual(0.85));
  it('leaves at most 5% of in-scope questions unanswered', () => expect(figures.falseRejection).toBeLessThanOrEqual(0.05));
  it('answers contain the expected keywords at least 85% of the time', () => expect(figures.keywordCoverage).toBeGreaterThanOrEqual(0.85));
});
