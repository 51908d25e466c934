/**
 * Loads the YAML knowledge base and validates all of it before anything else runs.
 *
 * Every problem is collected (broken YAML, missing or unknown fields, duplicate ids,
 * unknown topics, over-long answers, malformed URLs, ...) with its file and line, and
 * reported at once: a curator fixes the whole list in one pass, and the bot never runs on
 * a partial knowledge base.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { STAGE_IDS, isStageId, isTopicId, type TopicId } from './topics.ts';
import { ANSWER_LIMIT, SUMMARY_LIMIT, type DeclineEntry, type Entry, type KbLink, type KnowledgeBase, type Stage } from './types.ts';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the knowledge base:\n${formatProblems(problems)}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n');
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ID = 60;
// Raw platform mentions in curated text could ping a whole server or workspace.
const MENTION = /@everyone|@here|<!(?:channel|here|everyone)|<@[!&]?\w+>/i;

const ENTRY_FIELDS = { required: ['id', 'question', 'alts', 'tags', 'answer', 'reviewed'], optional: ['links', 'related'] };
const DECLINE_FIELDS = { required: ['id', 'question', 'alts', 'tags', 'answer', 'reviewed'], optional: [] as string[] };
const STAGE_FIELDS = {
  required: ['number', 'title', 'aliases', 'summary', 'learn', 'path', 'resources', 'project', 'time', 'pitfalls', 'next', 'reviewed'],
  optional: [] as string[],
};

/** A mapping's fields: plain value, the line it is on, and its YAML node for item lines. */
type Fields = Map<string, { value: unknown; line: number; node?: unknown }>;

/** Reads one file's YAML map, reporting where things are. */
class FileReader {
  readonly problems: Problem[] = [];
  private readonly lines = new LineCounter();
  readonly root: YAMLMap | null = null;

  constructor(readonly file: string, source: string) {
    const doc = parseDocument(source, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    for (const e of doc.errors) this.report(e.linePos?.[0]?.line ?? this.lines.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
    if (doc.errors.length) return;
    if (!isMap(doc.contents)) this.report(1, 'expected a mapping at the top of the file');
    else this.root = doc.contents;
  }

  report(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  lineOf(node: unknown): number {
    const range = (node as Node | null)?.range;
    return range ? this.lines.linePos(range[0]).line : 1;
  }

  /** Checks a mapping's keys against the allowed fields; returns the plain values by key. */
  fields(map: unknown, spec: { required: string[]; optional: string[] }, what: string): Fields | null {
    if (!isMap(map)) {
      this.report(this.lineOf(map), `${what}: expected a mapping`);
      return null;
    }
    const out: Fields = new Map();
    for (const pair of map.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      const line = this.lineOf(pair.key);
      if (!spec.required.includes(key) && !spec.optional.includes(key)) {
        this.report(line, `${what}: unknown field "${key}"`);
        continue;
      }
      const node = pair.value as Node | null;
      out.set(key, { value: node && typeof node.toJSON === 'function' ? node.toJSON() : node, line: this.lineOf(node ?? pair.key), node });
    }
    for (const key of spec.required) if (!out.has(key)) this.report(this.lineOf(map), `${what}: missing field "${key}"`);
    return out;
  }

  text(f: Fields, key: string, what: string, max = Infinity): string {
    const field = f.get(key);
    if (!field) return '';
    if (typeof field.value !== 'string' && typeof field.value !== 'number') {
      this.report(field.line, `${what}: "${key}" must be text`);
      return '';
    }
    const s = String(field.value).trim();
    if (!s) this.report(field.line, `${what}: "${key}" is empty`);
    if (s.length > max) this.report(field.line, `${what}: "${key}" is ${s.length} characters, over the limit of ${max}`);
    if (MENTION.test(s)) this.report(field.line, `${what}: "${key}" contains a raw mention (@everyone, @here, <!channel>, <@id>)`);
    return s;
  }

  list(f: Fields, key: string, what: string, min = 1): string[] {
    const field = f.get(key);
    if (!field) return [];
    if (!Array.isArray(field.value) || field.value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      this.report(field.line, `${what}: "${key}" must be a list of text`);
      return [];
    }
    const items = field.value.map((v) => String(v).trim()).filter(Boolean);
    if (items.length < min) this.report(field.line, `${what}: "${key}" needs at least ${min} item${min === 1 ? '' : 's'}`);
    if (items.some((s) => MENTION.test(s))) this.report(field.line, `${what}: "${key}" contains a raw mention`);
    return items;
  }

  date(f: Fields, what: string): string {
    const field = f.get('reviewed');
    if (!field) return '';
    const s = String(field.value ?? '');
    // Date.parse rolls 2026-02-30 over to March 2: only a date that reads back the same is real.
    const time = Date.parse(s);
    if (!DATE.test(s) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== s) this.report(field.line, `${what}: "reviewed" must be a date like 2026-11-26`);
    return s;
  }

  links(f: Fields, key: string, what: string, min: number, max: number): KbLink[] {
    const field = f.get(key);
    if (!field) return [];
    if (!Array.isArray(field.value)) {
      this.report(field.line, `${what}: "${key}" must be a list of {title, url}`);
      return [];
    }
    const links: KbLink[] = [];
    // Each link's own line, so a curator lands on the bad one, not on the first of the list.
    const itemNodes = isSeq(field.node) ? field.node.items : [];
    for (const [i, item] of (field.value as unknown[]).entries()) {
      const line = itemNodes[i] ? this.lineOf(itemNodes[i]) : field.line;
      const link = item as Partial<KbLink> | null;
      if (!link || typeof link !== 'object' || typeof link.title !== 'string' || typeof link.url !== 'string' || Object.keys(link).some((k) => k !== 'title' && k !== 'url')) {
        this.report(line, `${what}: each of "${key}" needs exactly a title and a url`);
        continue;
      }
      if (!isWebUrl(link.url)) this.report(line, `${what}: malformed URL "${link.url}" (expected https://...)`);
      links.push({ title: link.title.trim(), url: link.url.trim() });
    }
    if (links.length < min || links.length > max) this.report(field.line, `${what}: "${key}" should have ${min} to ${max} items, has ${links.length}`);
    return links;
  }
}

function isWebUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.hostname.includes('.');
  } catch {
    return false;
  }
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

interface Parsed {
  stages: Stage[];
  entries: Entry[];
  declines: DeclineEntry[];
  synonyms: Record<string, string[]>;
  /** Where each `related` list was written, checked once all ids are known. */
  relatedRefs: { file: string; line: number; from: string; ids: string[] }[];
}

function readEntries(r: FileReader, seq: unknown, topic: TopicId | null, into: Parsed): void {
  if (!isSeq(seq)) {
    r.report(r.lineOf(seq), `"${topic ? 'entries' : 'declines'}" must be a list`);
    return;
  }
  for (const item of seq.items) {
    const line = r.lineOf(item);
    const f = r.fields(item, topic ? ENTRY_FIELDS : DECLINE_FIELDS, `entry at line ${line}`);
    if (!f) continue;
    const id = String(f.get('id')?.value ?? '');
    const what = `entry "${id}"`;
    if (!ID.test(id) || id.length > MAX_ID) r.report(f.get('id')?.line ?? line, `${what}: id must be kebab-case, at most ${MAX_ID} characters`);
    const base = {
      id,
      question: r.text(f, 'question', what, 300),
      alts: r.list(f, 'alts', what),
      tags: r.list(f, 'tags', what).map((t) => t.toLowerCase()),
      answer: r.text(f, 'answer', what, ANSWER_LIMIT),
      reviewed: r.date(f, what),
      file: r.file,
      line,
    };
    if (!topic) {
      into.declines.push(base);
      continue;
    }
    const related = f.has('related') ? r.list(f, 'related', what, 0) : [];
    if (related.length) into.relatedRefs.push({ file: r.file, line: f.get('related')?.line ?? line, from: id, ids: related });
    into.entries.push({ ...base, topic, links: f.has('links') ? r.links(f, 'links', what, 0, 5) : [], related });
  }
}

function readStage(r: FileReader, node: unknown, topic: TopicId, into: Parsed): void {
  const what = `stage "${topic}"`;
  const f = r.fields(node, STAGE_FIELDS, what);
  if (!f) return;
  if (!isStageId(topic)) {
    r.report(r.lineOf(node), `${what}: "${topic}" is not a stage topic, so it cannot have a stage block`);
    return;
  }
  const number = Number(f.get('number')?.value);
  const expected = STAGE_IDS.indexOf(topic) + 1;
  if (number !== expected) r.report(f.get('number')?.line ?? 1, `${what}: number must be ${expected} (the roadmap order of shared/eval/TOPICS.md)`);
  into.stages.push({
    id: topic,
    number: expected,
    title: r.text(f, 'title', what, 80),
    aliases: r.list(f, 'aliases', what).map((a) => a.toLowerCase()),
    summary: r.text(f, 'summary', what, SUMMARY_LIMIT),
    learn: r.list(f, 'learn', what, 3),
    path: r.list(f, 'path', what, 2),
    resources: r.links(f, 'resources', what, 3, 6),
    project: r.text(f, 'project', what, 600),
    time: r.text(f, 'time', what, 60),
    pitfalls: r.list(f, 'pitfalls', what, 1),
    next: r.text(f, 'next', what, 400),
    reviewed: r.date(f, what),
    file: r.file,
    line: r.lineOf(node),
  });
}

function readSynonyms(r: FileReader, into: Parsed): void {
  for (const pair of r.root?.items ?? []) {
    const canonical = String((pair.key as { value?: unknown } | null)?.value ?? '').trim().toLowerCase();
    const value = (pair.value as Node | null)?.toJSON?.();
    const line = r.lineOf(pair.key);
    if (!canonical || !Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      r.report(line, `synonyms: "${canonical}" must map to a list of variants`);
      continue;
    }
    into.synonyms[canonical] = value.map((v) => String(v).trim().toLowerCase()).filter(Boolean);
  }
}

function readFile(path: string, rel: string, into: Parsed): Problem[] {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return [{ file: rel, line: 1, message: `cannot read: ${(error as Error).message}` }];
  }
  const r = new FileReader(rel, source);
  if (!r.root) return r.problems;
  const top = new Map(r.root.items.map((p) => [String((p.key as { value?: unknown } | null)?.value ?? ''), p]));
  if (/(^|\/)synonyms\.ya?ml$/.test(rel)) {
    readSynonyms(r, into);
  } else if (top.has('declines')) {
    for (const key of top.keys()) if (key !== 'declines') r.report(r.lineOf(top.get(key)?.key), `unknown top-level field "${key}"`);
    readEntries(r, top.get('declines')?.value, null, into);
  } else {
    for (const key of top.keys())
      if (!['topic', 'stage', 'entries'].includes(key)) r.report(r.lineOf(top.get(key)?.key), `unknown top-level field "${key}"`);
    const topicPair = top.get('topic');
    const topic = (topicPair?.value as { value?: unknown } | null)?.value;
    if (!topicPair) r.report(1, 'missing "topic" (a topic id from shared/eval/TOPICS.md)');
    else if (!isTopicId(topic)) r.report(r.lineOf(topicPair.value), `unknown topic "${String(topic)}"`);
    else {
      if (top.has('stage')) readStage(r, top.get('stage')?.value, topic, into);
      else if (isStageId(topic)) r.report(1, `topic "${topic}" is a roadmap stage: the file needs a "stage:" block`);
      if (!top.has('entries')) r.report(1, 'missing "entries"');
      else readEntries(r, top.get('entries')?.value, topic, into);
    }
  }
  return r.problems;
}

/** Checks what only the whole knowledge base can tell: duplicates, references, missing stages. */
function crossCheck(parsed: Parsed): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { file: string; line: number }>();
  for (const e of [...parsed.entries, ...parsed.declines]) {
    const first = seen.get(e.id);
    if (first) problems.push({ file: e.file, line: e.line, message: `duplicate id "${e.id}" (first at ${first.file}:${first.line})` });
    else seen.set(e.id, { file: e.file, line: e.line });
  }
  const entryIds = new Set(parsed.entries.map((e) => e.id));
  for (const ref of parsed.relatedRefs)
    for (const id of ref.ids)
      if (!entryIds.has(id)) problems.push({ file: ref.file, line: ref.line, message: `entry "${ref.from}": related id "${id}" does not exist` });
  const stageSeen = new Map<string, Stage>();
  for (const s of parsed.stages) {
    const first = stageSeen.get(s.id);
    if (first) problems.push({ file: s.file, line: s.line, message: `stage "${s.id}" is defined twice (first in ${first.file})` });
    else stageSeen.set(s.id, s);
  }
  const variantOwner = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(parsed.synonyms))
    for (const v of variants) {
      const owner = variantOwner.get(v);
      if (owner && owner !== canonical) problems.push({ file: 'synonyms.yaml', line: 1, message: `"${v}" is listed under both "${owner}" and "${canonical}"` });
      variantOwner.set(v, canonical);
    }
  return problems;
}

/** Loads and validates every YAML file under `dir`; throws KnowledgeBaseError listing all problems. */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const parsed: Parsed = { stages: [], entries: [], declines: [], synonyms: {}, relatedRefs: [] };
  const problems: Problem[] = [];
  let files: string[] = [];
  try {
    files = yamlFiles(dir);
  } catch (error) {
    throw new KnowledgeBaseError([{ file: dir, line: 1, message: `cannot read the knowledge directory: ${(error as Error).message}` }]);
  }
  for (const path of files) problems.push(...readFile(path, relative(dir, path), parsed));
  problems.push(...crossCheck(parsed));
  const present = new Set(parsed.stages.map((s) => s.id));
  for (const id of STAGE_IDS)
    if (!present.has(id)) problems.push({ file: dir, line: 1, message: `stage "${id}" is missing (every stage of the roadmap needs a file)` });
  if (problems.length) throw new KnowledgeBaseError(problems);
  return {
    stages: parsed.stages.sort((a, b) => a.number - b.number),
    entries: parsed.entries,
    declines: parsed.declines,
    synonyms: parsed.synonyms,
  };
}
