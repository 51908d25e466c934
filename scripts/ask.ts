/**
 * The machine interface.
 *   npm run --silent ask -- "a question"   prints one answer as text
 *   npm run --silent ask -- --jsonl        reads questions from stdin, one a line, and writes one JSON
 *                                          object a line: {"question","answered","topic","id","score","text"}
 */
import './stdout-pipe.ts';
import { createInterface } from 'node:readline';
import { replyToText } from '../src/index.ts';
import { toJsonl } from './jsonl.ts';
import { loadCoreOrExit } from './load-core.ts';

const args = process.argv.slice(2);
const { router } = loadCoreOrExit();

if (args.includes('--jsonl')) {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    process.stdout.write(`${toJsonl(line, router.answer(line))}\n`);
  }
} else {
  const question = args.filter((a) => a !== '--').join(' ');
  if (!question.trim()) {
    process.stderr.write('Usage: npm run --silent ask -- "your question"   or   npm run --silent ask -- --jsonl < questions.txt\n');
    process.exit(2);
  }
  process.stdout.write(`${replyToText(router.answer(question))}\n`);
}
