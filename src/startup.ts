/**
 * Loads the knowledge base and its index, fast on every start but the first.
 *
 * Parsing and validating ~800 kB of YAML and analysing every text takes a few hundred
 * milliseconds in a fresh process. The result depends only on the knowledge files and on
 * the code that reads and indexes them, so it is kept in a cache keyed by a hash of both:
 * change a YAML file or the analyzer and the next start rebuilds (and re-validates). A
 * knowledge base with problems is never cached, so it is refused on every start.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from './knowledge/load.ts';
import type { KnowledgeBase } from './knowledge/types.ts';
import { createRouter, type Router, type RouterOptions } from './router.ts';
import { createAnalyzer } from './search/analyze.ts';
import { buildIndex, type IndexSnapshot } from './search/index.ts';

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/roadmap-bot', import.meta.url));

export interface StartupOptions {
  /** Where to keep the cache; null disables it. */
  cacheDir?: string | null;
  gate?: RouterOptions['gate'];
}

export interface Loaded {
  kb: KnowledgeBase;
  router: Router;
  /** Whether the cache answered (for the benchmark and logs). */
  fromCache: boolean;
}

interface CacheFile {
  kb: KnowledgeBase;
  index: IndexSnapshot;
}

// The code whose output is cached: a change to any of it must invalidate the cache.
const CODE_DIRS = ['knowledge', 'search'].map((d) => fileURLToPath(new URL(`./${d}`, import.meta.url)));
const LIBRARIES = ['minisearch', 'yaml', 'wink-porter2-stemmer'];
const KEEP_SNAPSHOTS = 4;

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

function libraryVersion(name: string): string {
  try {
    const pkg = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

function cacheKey(knowledgeDir: string): string {
  const hash = createHash('sha256');
  for (const dir of CODE_DIRS) for (const f of filesUnder(dir, /\.ts$/)) hash.update(f).update(readFileSync(f));
  for (const name of LIBRARIES) hash.update(`${name}@${libraryVersion(name)}`);
  for (const f of filesUnder(knowledgeDir, /\.ya?ml$/)) hash.update(relative(knowledgeDir, f)).update('\0').update(readFileSync(f));
  return hash.digest('hex').slice(0, 32);
}

function readCache(path: string): CacheFile | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    return data && Array.isArray(data.kb?.entries) && Array.isArray(data.index?.df) && Array.isArray(data.index?.tagVocab) ? data : null;
  } catch {
    return null;
  }
}

/** Modification time, or 0 for a file another process removed meanwhile. */
function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function writeCache(dir: string, key: string, data: CacheFile): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Keep the directory small: older snapshots are mostly of knowledge that no longer
    // exists. A few are kept so that switching KNOWLEDGE_DIR (tests do) does not thrash it.
    const old = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== `${key}.json`)
      .map((f) => ({ path: join(dir, f), mtime: mtimeOf(join(dir, f)) }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { path } of old.slice(KEEP_SNAPSHOTS - 1)) rmSync(path, { force: true });
    const temp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, join(dir, `${key}.json`));
  } catch {
    // A read-only checkout just starts a little slower.
  }
}

/** Loads, validates (throws KnowledgeBaseError) and indexes `knowledgeDir`, using the cache when it can. */
export function loadRouter(knowledgeDir: string, options: StartupOptions = {}): Loaded {
  const cacheDir = options.cacheDir === undefined ? process.env.ROADMAP_CACHE_DIR ?? DEFAULT_CACHE_DIR : options.cacheDir;
  const key = cacheDir ? safeKey(knowledgeDir) : null;
  const cached = cacheDir && key ? readCache(join(cacheDir, `${key}.json`)) : null;
  if (cached) {
    const index = buildIndex(cached.kb, createAnalyzer(cached.kb.synonyms), { snapshot: cached.index });
    return { kb: cached.kb, router: createRouter(cached.kb, { gate: options.gate, index }), fromCache: true };
  }
  const kb = loadKnowledgeBase(knowledgeDir);
  const index = buildIndex(kb, createAnalyzer(kb.synonyms));
  if (cacheDir && key) writeCache(cacheDir, key, { kb, index: index.snapshot() });
  return { kb, router: createRouter(kb, { gate: options.gate, index }), fromCache: false };
}

function safeKey(knowledgeDir: string): string | null {
  try {
    return cacheKey(knowledgeDir);
  } catch {
    return null; // unreadable directory: let the loader report it properly
  }
}
