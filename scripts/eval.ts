/**
 * `npm run eval -- <file.yaml> [--json]`: routes every labelled question through the router (the
 * same lines `ask --jsonl` prints), prints the four figures of shared/eval/README.md, then each miss.
 */
import './stdout-pipe.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { toJsonlLine } from './jsonl.ts';
import { score, type EvalItem } from './evaluate.ts';
import { loadCoreOrExit } from './load-core.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  process.stderr.write('Usage: npm run eval -- ../shared/eval/dev.yaml [--json]\n');
  process.exit(2);
}
const items = parse(readFileSync(file, 'utf8')) as EvalItem[];
const { router } = loadCoreOrExit();
const lines = items.map((item) => toJsonlLine(item.q, router.answer(item.q)));
const f = score(items, lines);

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(f, null, 2)}\n`);
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`${file}: ${f.inScope} in scope, ${f.outOfScope} out of scope`);
  console.log(`top-1 accuracy          ${pct(f.top1)}   (target >= 90%)`);
  console.log(`false rejection         ${pct(f.falseRejection)}   (target <= 5%)`);
  console.log(`out-of-scope rejection  ${pct(f.oosRejection)}   (target >= 90%)`);
  console.log(`keyword coverage        ${pct(f.keywordCoverage)}   (target >= 85%)`);
  console.log(`confident and wrong     ${f.confidentWrong}`);
  if (args.includes('--trace'))
    for (const item of items) {
      const x = router.explain(item.q);
      const hits = x.hits.slice(0, 3).map((h) => `${h.kind}:${h.id} s=${h.score.toFixed(1)} c=${h.coverage.toFixed(2)}`).join(' | ');
      console.log(`${String(item.topic).padEnd(20)} known=${x.known.toFixed(2)} [${x.terms.join(' ')}] ${hits}`);
    }
  if (f.misses.length) {
    console.log(`\nMisses (${f.misses.length}):`);
    for (const m of f.misses) console.log(`- [${m.why}] "${m.question}"\n    expected ${m.expected}, got ${m.got}`);
  }
}
