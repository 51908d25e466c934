/** Loads the shared conversation scenarios and checks a core Reply against one. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Reply, Router } from '../../src/index.ts';

export interface Scenario {
  name: string;
  ask?: string;
  roadmap?: string;
  expect: Partial<Pick<Reply, 'kind' | 'answered' | 'topic' | 'id'>>;
}

export function loadScenarios(): Scenario[] {
  const raw = parse(readFileSync(new URL('./conversations.yaml', import.meta.url), 'utf8')) as Scenario[];
  for (const s of raw) if ((s.ask === undefined) === (s.roadmap === undefined)) throw new Error(`scenario "${s.name}" needs exactly one of ask / roadmap`);
  return raw;
}

/** The Reply the core gives for a scenario, as every adapter should render it. */
export function coreReply(router: Router, s: Scenario): Reply {
  return s.ask !== undefined ? router.answer(s.ask) : router.roadmap(s.roadmap ?? '');
}

/** Differences between a Reply and what the scenario expects (empty when it matches). */
export function mismatches(reply: Reply, s: Scenario): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(s.expect)) {
    const got = reply[key as keyof Reply];
    if (got !== want) out.push(`${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return out;
}
