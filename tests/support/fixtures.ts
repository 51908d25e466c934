/**
 * Knowledge-base fixtures written by the tests themselves (temp dirs), so tests that do not
 * need the shipped knowledge base never depend on it: a synthetic valid base from
 * scripts/synthetic-kb.ts, with hand-written files laid over it.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeSyntheticKb } from '../../scripts/synthetic-kb.ts';
import { KnowledgeBaseError, loadKnowledgeBase, type Problem } from '../../src/index.ts';

const created: string[] = [];

export function tempDir(prefix = 'roadmap-bot-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every temp dir this test file made; call from afterAll. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A valid synthetic base (15 topics' worth of entries) with `files` written over it:
 * relative path -> YAML text, or null to delete that file.
 */
export function syntheticKbDir(files: Record<string, string | null> = {}, entries = 30): string {
  const dir = tempDir();
  writeSyntheticKb(dir, { entries, seed: 7 });
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | null>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, rel);
    if (text === null) rmSync(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
}

/** The problems loading `dir` reports; fails the test if it loads. */
export function problemsOf(dir: string): Problem[] {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${dir} to have problems, but it loaded`);
}

/** 1-based number of the first line of `text` that satisfies `match` (a substring, or a predicate on the line). */
export function lineOf(text: string, match: string | ((line: string) => boolean)): number {
  const test = typeof match === 'string' ? (l: string) => l.includes(match) : match;
  const index = text.split('\n').findIndex(test);
  if (index < 0) throw new Error(`no line matches ${String(match)}`);
  return index + 1;
}

/** Lines joined with "\n" and a final newline: keeps hand-written YAML readable in tests. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
