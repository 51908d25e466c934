/** Scores jsonl lines against labelled items, with the figures of shared/eval/README.md. */
import type { JsonlLine } from './jsonl.ts';

export interface EvalItem {
  q: string;
  topic: string | string[] | null;
  must?: (string | number)[][];
}

export interface Miss {
  question: string;
  expected: string;
  got: string;
  why: 'wrong topic' | 'not answered' | 'answered out of scope' | 'keywords';
}

export interface Figures {
  inScope: number;
  outOfScope: number;
  top1: number;
  falseRejection: number;
  oosRejection: number;
  keywordCoverage: number;
  /** In-scope items answered with a wrong topic: the costliest error. */
  confidentWrong: number;
  misses: Miss[];
}

const accepted = (item: EvalItem): string[] => (item.topic === null ? [] : Array.isArray(item.topic) ? item.topic : [item.topic]);

export function passesMust(text: string, must: EvalItem['must']): boolean {
  const lower = text.toLowerCase();
  return (must ?? []).every((group) => group.some((w) => lower.includes(String(w).toLowerCase())));
}

export function score(items: EvalItem[], lines: JsonlLine[]): Figures {
  let inScope = 0, outOfScope = 0, correct = 0, rejected = 0, oosRejected = 0, withMust = 0, mustOk = 0, wrong = 0;
  const misses: Miss[] = [];
  items.forEach((item, i) => {
    const line = lines[i] as JsonlLine;
    const got = line.answered ? `${line.topic} (${line.id})` : `not answered (${line.kind})`;
    if (item.topic === null) {
      outOfScope++;
      if (!line.answered) oosRejected++;
      else misses.push({ question: item.q, expected: 'decline', got, why: 'answered out of scope' });
      return;
    }
    inScope++;
    const ok = line.answered && line.topic !== null && accepted(item).includes(line.topic);
    if (ok) correct++;
    if (!line.answered) {
      rejected++;
      misses.push({ question: item.q, expected: accepted(item).join('|'), got, why: 'not answered' });
    } else if (!ok) {
      wrong++;
      misses.push({ question: item.q, expected: accepted(item).join('|'), got, why: 'wrong topic' });
    }
    if (item.must?.length) {
      withMust++;
      if (line.answered && passesMust(line.text, item.must)) mustOk++;
      else if (ok) misses.push({ question: item.q, expected: JSON.stringify(item.must), got: line.id ?? '', why: 'keywords' });
    }
  });
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    inScope,
    outOfScope,
    top1: ratio(correct, inScope),
    falseRejection: ratio(rejected, inScope),
    oosRejection: ratio(oosRejected, outOfScope),
    keywordCoverage: ratio(mustOk, withMust),
    confidentWrong: wrong,
    misses,
  };
}
