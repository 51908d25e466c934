/** One reply as the jsonl line of shared/eval/README.md (plus `kind`, for humans reading it). */
import { replyToText, type Reply } from '../src/index.ts';

export interface JsonlLine {
  question: string;
  answered: boolean;
  topic: string | null;
  id: string | null;
  score: number;
  kind: string;
  text: string;
}

export function toJsonlLine(question: string, reply: Reply): JsonlLine {
  return {
    question,
    answered: reply.answered,
    topic: reply.topic,
    id: reply.id,
    score: Number(reply.score.toFixed(4)),
    kind: reply.kind,
    text: replyToText(reply),
  };
}

export const toJsonl = (question: string, reply: Reply): string => JSON.stringify(toJsonlLine(question, reply));
