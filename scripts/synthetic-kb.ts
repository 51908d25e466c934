/**
 * Writes a deterministic synthetic knowledge base of any size in the real file format, for
 * the benchmark (10,000 entries) and for tests that need a small valid base. Words are
 * drawn from a Zipf-like distribution over pseudo-words mixed with common English, so
 * posting lists look like real text rather than uniform noise.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { EXTRA_TOPIC_IDS, STAGE_IDS } from '../src/knowledge/topics.ts';

/** mulberry32: a tiny seeded PRNG, so every run builds the same base. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the a to of and in is it you that for how what do i my with on can be this are should
learn use need make get work way first best good new start build data server code app api web database`.split(/\s+/);

export function syntheticVocabulary(size: number, random: () => number): string[] {
  const syllables = ['ka', 'lo', 'mi', 're', 'tu', 'sa', 'ne', 'vo', 'di', 'pa', 'ro', 'ze', 'fi', 'gu', 'ha', 'jo', 'qui', 'bre', 'stra', 'pli'];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

export interface SyntheticOptions {
  entries: number;
  seed?: number;
  vocabulary?: number;
}

/** Writes the base under `dir`; returns sample questions drawn from its entries (with a typo now and then). */
export function writeSyntheticKb(dir: string, options: SyntheticOptions): string[] {
  const random = seededRandom(options.seed ?? 42);
  const vocab = syntheticVocabulary(options.vocabulary ?? 6000, random);
  // Zipf-ish: index = floor(size * r^2.2) favours the first words heavily.
  const word = () => (random() < 0.35 ? COMMON[Math.floor(random() * COMMON.length)] : vocab[Math.floor(vocab.length * random() ** 2.2)]) as string;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const topics = [...STAGE_IDS, ...EXTRA_TOPIC_IDS];
  const perTopic = new Map<string, object[]>(topics.map((t) => [t, []]));
  const questions: string[] = [];
  for (let i = 0; i < options.entries; i++) {
    const topic = topics[i % topics.length] as string;
    const question = `${sentence(5 + Math.floor(random() * 5))}?`;
    perTopic.get(topic)?.push({
      id: `synthetic-${i}`,
      question,
      alts: Array.from({ length: 4 }, () => sentence(4 + Math.floor(random() * 4))),
      tags: Array.from({ length: 5 }, word),
      answer: sentence(60 + Math.floor(random() * 50)).slice(0, 880),
      reviewed: '2026-11-26',
    });
    if (questions.length < 2000 && random() < 0.5) {
      const words = question.replace('?', '').split(' ').filter(() => random() < 0.7);
      if (random() < 0.15 && words[0] && words[0].length > 4) words[0] = words[0].slice(0, 2) + words[0][3] + words[0][2] + words[0].slice(4);
      questions.push(words.join(' ') || question);
    }
  }
  mkdirSync(join(dir, 'stages'), { recursive: true });
  mkdirSync(join(dir, 'topics'), { recursive: true });
  STAGE_IDS.forEach((id, i) => {
    const stage = {
      number: i + 1,
      title: `Stage ${id}`,
      aliases: [id.replace(/-/g, ' ')],
      summary: sentence(20),
      learn: [sentence(5), sentence(5), sentence(5)],
      path: [sentence(6), sentence(6)],
      resources: [1, 2, 3].map((n) => ({ title: `Resource ${n}`, url: `https://example.org/${id}/${n}` })),
      project: sentence(15),
      time: '2-4 weeks',
      pitfalls: [sentence(6)],
      next: sentence(10),
      reviewed: '2026-11-26',
    };
    writeFileSync(join(dir, 'stages', `${String(i + 1).padStart(2, '0')}-${id}.yaml`), stringify({ topic: id, stage, entries: perTopic.get(id) }));
  });
  for (const id of EXTRA_TOPIC_IDS) writeFileSync(join(dir, 'topics', `${id}.yaml`), stringify({ topic: id, entries: perTopic.get(id) }));
  return questions;
}
