/** Typed shape of the knowledge base after loading and validation. */
import type { StageId, TopicId } from './topics.ts';

export interface KbLink {
  title: string;
  url: string;
}

/** A question-and-answer entry. */
export interface Entry {
  id: string;
  topic: TopicId;
  question: string;
  /** Other ways people ask it: chat-style paraphrases, used for matching. */
  alts: string[];
  tags: string[];
  /** Markdown subset, at most ANSWER_LIMIT characters. */
  answer: string;
  links: KbLink[];
  /** Ids of entries worth offering next to this one. */
  related: string[];
  reviewed: string;
  file: string;
  line: number;
}

/** A near-domain subject the bot deliberately does not cover, with a polite pointer. */
export interface DeclineEntry {
  id: string;
  question: string;
  alts: string[];
  tags: string[];
  answer: string;
  reviewed: string;
  file: string;
  line: number;
}

/** One of the twelve roadmap stages. */
export interface Stage {
  id: StageId;
  number: number;
  title: string;
  /** Other names people use for the stage ("git", "sql", "apis"). */
  aliases: string[];
  summary: string;
  learn: string[];
  path: string[];
  resources: KbLink[];
  project: string;
  time: string;
  pitfalls: string[];
  next: string;
  reviewed: string;
  file: string;
  line: number;
}

export interface KnowledgeBase {
  /** Stages ordered by number (1..12). */
  stages: Stage[];
  entries: Entry[];
  declines: DeclineEntry[];
  /** canonical term -> variants that mean the same (lower case). */
  synonyms: Record<string, string[]>;
}

export const ANSWER_LIMIT = 900;
export const SUMMARY_LIMIT = 400;
