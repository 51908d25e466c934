import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadRouter } from '../../src/index.ts';
import { removeTempDirs, syntheticKbDir, tempDir } from '../support/fixtures.ts';

afterAll(removeTempDirs);

const questions = ['stage 4', 'what is the roadmap', 'databases', 'hello', 'stage twelve please'];

describe('loadRouter start-up cache', () => {
  it('builds on the first start, restores on the second, and both answer alike', () => {
    const kbDir = syntheticKbDir({}, 60);
    const cacheDir = tempDir();
    const first = loadRouter(kbDir, { cacheDir });
    const second = loadRouter(kbDir, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const sample = [...questions, ...first.kb.entries.slice(0, 20).map((e) => e.alts[0] as string)];
    for (const q of sample) expect(second.router.answer(q)).toEqual(first.router.answer(q));
    expect(second.router.explain(sample[6] as string)).toEqual(first.router.explain(sample[6] as string));
  });

  it('rebuilds when a knowledge file changes, and keeps only the newest few snapshots', () => {
    const kbDir = syntheticKbDir({}, 30);
    const cacheDir = tempDir();
    loadRouter(kbDir, { cacheDir });
    const file = join(kbDir, 'stages', '04-databases.yaml');
    const original = readFileSync(file, 'utf8');
    for (let version = 1; version <= 6; version++) {
      writeFileSync(file, original.replace('title: Stage databases', `title: Data and storage v${version}`));
      const changed = loadRouter(kbDir, { cacheDir });
      expect(changed.fromCache).toBe(false);
      expect(changed.router.stage('4')?.title).toBe(`Stage 4: Data and storage v${version}`);
    }
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json')).length).toBe(4);
    // The newest version is among those kept: loading it again is a cache hit.
    expect(loadRouter(kbDir, { cacheDir }).fromCache).toBe(true);
  });

  it('never caches a knowledge base with problems: it is refused on every start', () => {
    const kbDir = syntheticKbDir({ 'topics/career.yaml': 'topic: career\nentries:\n  - id: Bad Id\n' }, 30);
    const cacheDir = tempDir();
    expect(() => loadRouter(kbDir, { cacheDir })).toThrow(KnowledgeBaseError);
    expect(() => loadRouter(kbDir, { cacheDir })).toThrow(KnowledgeBaseError);
    expect(readdirSync(cacheDir)).toHaveLength(0);
  });

  it('ignores a corrupt cache file and rebuilds', () => {
    const kbDir = syntheticKbDir({}, 30);
    const cacheDir = tempDir();
    loadRouter(kbDir, { cacheDir });
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file as string), '{"kb": truncated');
    const again = loadRouter(kbDir, { cacheDir });
    expect(again.fromCache).toBe(false);
    expect(again.router.answer('stage 4').kind).toBe('stage');
  });

  it('works without a cache directory', () => {
    const kbDir = syntheticKbDir({}, 30);
    const loaded = loadRouter(kbDir, { cacheDir: null });
    expect(loaded.fromCache).toBe(false);
    expect(loaded.router.roadmap('').kind).toBe('overview');
  });
});
