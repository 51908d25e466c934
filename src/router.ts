/**
 * The question router: a message in, a Reply out. It recognises a few intents first
 * (help, the roadmap overview, a stage by number or name, "what comes after X"), then
 * searches the knowledge base and passes the best hit through a confidence gate:
 * answer when sure, "did you mean" when unsure, decline when the question is not ours.
 * A wrong answer given with confidence is the worst outcome, so the gate errs to "unsure".
 */
import type { Entry, KnowledgeBase, Stage } from './knowledge/types.ts';
import { isStageId, type StageId, type TopicId } from './knowledge/topics.ts';
import type { Action, Reply } from './reply.ts';
import {
  answerReply,
  declineReply,
  entryAction,
  errorReply,
  followUpReply,
  helpReply,
  overviewReply,
  smallTalkReply,
  stageAction,
  stageReply,
  unsureReply,
} from './replies.ts';
import { createAnalyzer, type Analyzer } from './search/analyze.ts';
import { buildIndex, type Hit, type KnowledgeIndex, type SearchOutcome } from './search/index.ts';
import {
  FOLLOW_UP,
  GREETING,
  HELP,
  INTRO_FILLER,
  MENTIONS,
  NUMBER_WORDS,
  OVERVIEW,
  PIVOT_FILLER,
  STAGE_FILLER,
  SMALL_TALK,
  UNHAPPY,
  STAGE_NUMBER,
  asksForBackendIntro,
  isPromptInjection,
  roadmapOrder,
  simplify,
  withoutPoliteness,
} from './intents.ts';

export interface AskContext {
  /** A stage the user is looking at; its entries are preferred when the question is ambiguous. */
  stage?: string;
}

export interface Completion {
  /** What the user sees (at most 100 characters). */
  label: string;
  /** The question to submit (at most 100 characters). */
  value: string;
}

export interface StageInfo {
  id: StageId;
  number: number;
  title: string;
}

export interface Router {
  /** Answers any text. Never throws. */
  answer(question: string, ctx?: AskContext): Reply;
  /** `/roadmap [arg]`: the overview when empty, a stage when arg names one, else an answer. */
  roadmap(arg?: string): Reply;
  /** A stage card by id, number or name; null when nothing matches. */
  stage(nameOrNumber: string): Reply | null;
  overview(): Reply;
  help(): Reply;
  /** Turns an Action's ref back into a Reply (buttons, menus, suggestions). */
  open(ref: string): Reply;
  /** Knowledge-base questions matching what the user has typed so far (autocomplete). */
  complete(partial: string, limit?: number): Completion[];
  readonly stages: readonly StageInfo[];
  /** What the search saw for a question (terms, coverage, top hits): for curators and tuning. */
  explain(question: string): SearchOutcome;
}

/** Tunable gate; defaults were calibrated on labelled questions (see scripts/eval.ts). */
export interface GateOptions {
  /** Minimum idf-weighted share of the question the best entry must cover to answer. */
  answerCoverage: number;
  /** Below this coverage the question is treated as out of scope. */
  unsureCoverage: number;
  /** Minimum share of the question's terms the knowledge base knows at all to answer. */
  answerKnown: number;
  /** A decline hit whose coverage reaches this share of the best hit's coverage wins. */
  declineRatio: number;
  /** ...and comes within this much of it in absolute terms. */
  declineMargin: number;
  /** ...and scores at least this share of the best entry's score (a one-word question is covered by every hit). */
  declineScoreRatio: number;
  /** ...unless it explains clearly more of the question than the best entry (by this much coverage). */
  declineLead: number;
}

export const DEFAULT_GATE: GateOptions = { answerCoverage: 0.3, unsureCoverage: 0.2, answerKnown: 0.6, declineRatio: 0.8, declineMargin: 0.15, declineScoreRatio: 0.5, declineLead: 0.1 };

/** The decline entry that answers attempts to re-instruct the bot (generic decline when absent). */
const INJECTION_DECLINE = 'ignore-instructions-jailbreak';

/** Topic vote: the leading hits considered, and how much more score mass another topic needs. */
const VOTE_HITS = 5;
const VOTE_RATIO = 1.5;

/** How much the entries of the stage a user is looking at are preferred (AskContext.stage). */
const PREFERRED_STAGE_WEIGHT = 1.3;

export interface RouterOptions {
  gate?: Partial<GateOptions>;
  /** A prebuilt index of this knowledge base (e.g. restored from the start-up cache). */
  index?: KnowledgeIndex;
}

export function createRouter(kb: KnowledgeBase, options: RouterOptions = {}): Router {
  const gate: GateOptions = { ...DEFAULT_GATE, ...options.gate };
  const analyzer: Analyzer = createAnalyzer(kb.synonyms);
  const index: KnowledgeIndex = options.index ?? buildIndex(kb, analyzer);
  const entries = new Map(kb.entries.map((e) => [e.id, e]));
  const stagesById = new Map(kb.stages.map((s) => [s.id as string, s]));
  const declines = new Map(kb.declines.map((d) => [d.id, d]));

  // Each stage's names as analysed term strings: "version control" -> "version control".
  const stageNames = new Map<string, Stage>();
  for (const s of kb.stages)
    for (const name of [s.id.replace(/-/g, ' '), s.title, ...s.aliases]) {
      const key = analyzer.terms(name).join(' ');
      if (key && !stageNames.has(key)) stageNames.set(key, s);
    }

  function stageByName(text: string, filler: Set<string> = STAGE_FILLER): Stage | undefined {
    const simple = simplify(text);
    if (isStageId(simple)) return stagesById.get(simple);
    const numbered = STAGE_NUMBER.exec(simple) ?? /^#?(\d{1,2})$/.exec(simple);
    if (numbered?.[1]) {
      const n = /^\d+$/.test(numbered[1]) ? Number(numbered[1]) : NUMBER_WORDS.indexOf(numbered[1]);
      return kb.stages.find((s) => s.number === n);
    }
    const words = simple.split(/[^\p{L}\p{N}+#.]+/u).filter((w) => w && !filler.has(w));
    // Every remaining word must belong to the name: "what is django" is a question, not a stage.
    const parts = words.map((w) => analyzer.terms(w));
    if (parts.some((p) => p.length === 0)) return undefined;
    const key = parts.flat().join(' ');
    return key ? stageNames.get(key) : undefined;
  }

  const entriesByTopic = new Map<TopicId, Entry[]>();
  for (const e of kb.entries) entriesByTopic.set(e.topic, [...(entriesByTopic.get(e.topic) ?? []), e]);

  /** Up to three entries to offer next: the curated ones, then other hits, then the same topic. */
  function relatedTo(e: Entry, hits: Hit[]): Entry[] {
    const out: Entry[] = [];
    const add = (x: Entry | undefined) => {
      if (x && x.id !== e.id && !out.includes(x)) out.push(x);
      return out.length >= 3;
    };
    for (const id of e.related) if (add(entries.get(id))) return out;
    for (const h of hits) if (h.kind === 'entry' && add(entries.get(h.id))) return out;
    for (const x of entriesByTopic.get(e.topic) ?? []) if (add(x)) return out;
    return out;
  }

  function suggestions(hits: Hit[]): Action[] {
    const out: Action[] = [];
    for (const h of hits) {
      if (out.length >= 3) break;
      const action =
        h.kind === 'entry' ? entryAction(entries.get(h.id) as Entry, 'suggestion') : h.kind === 'stage' ? stageAction(stagesById.get(h.id) as Stage, 'suggestion') : null;
      if (action && !out.some((a) => a.ref === action.ref)) out.push(action);
    }
    return out;
  }

  const topicOfHit = (h: Hit): string | undefined => (h.kind === 'entry' ? entries.get(h.id)?.topic : h.kind === 'stage' ? h.id : undefined);
  /**
   * When most of the leading hits' score belongs to another topic than the best hit's, the best
   * hit is likely a neighbour that happens to share words: answer from the majority topic.
   */
  function byTopicVote(hits: Hit[], top: Hit): Hit {
    const lead = hits.filter((h) => h.kind !== 'decline').slice(0, VOTE_HITS);
    const mass = new Map<string, number>();
    for (const h of lead) {
      const t = topicOfHit(h);
      if (t) mass.set(t, (mass.get(t) ?? 0) + h.score);
    }
    const topTopic = topicOfHit(top);
    const [bestTopic, bestMass] = [...mass].sort((a, b) => b[1] - a[1])[0] ?? [topTopic, 0];
    if (!bestTopic || bestTopic === topTopic || bestMass < (mass.get(topTopic ?? '') ?? 0) * VOTE_RATIO) return top;
    return lead.find((h) => topicOfHit(h) === bestTopic && h.coverage >= gate.answerCoverage) ?? top;
  }

  function search(question: string, ctx: AskContext): Reply {
    const outcome = index.search(question);
    let hits = outcome.hits;
    const preferred = ctx.stage ? stageByName(ctx.stage)?.id : undefined;
    if (preferred) {
      hits = hits.map((h) => (topicOfHit(h) === preferred ? { ...h, score: h.score * PREFERRED_STAGE_WEIGHT } : h)).sort((a, b) => b.score - a.score);
    }
    const top = hits[0];
    if (!top) return declineReply(kb);
    // Little of the question matched: out of scope when most of its words are foreign to the
    // knowledge base, otherwise a backend question we are unsure about (offer suggestions).
    if (top.coverage < gate.unsureCoverage) return outcome.known >= gate.answerKnown ? unsureReply(suggestions(hits)) : declineReply(kb);
    // Out-of-scope evidence: a decline entry that explains the question about as well as the
    // best entry does (compared by coverage, since a long entry can outscore a short decline).
    const decline = hits.find((h) => h.kind === 'decline');
    if (
      decline &&
      decline.coverage >= top.coverage * gate.declineRatio &&
      decline.coverage >= top.coverage - gate.declineMargin &&
      (decline.score >= top.score * gate.declineScoreRatio || decline.coverage >= top.coverage + gate.declineLead)
    )
      return declineReply(kb, decline.coverage >= gate.unsureCoverage ? declines.get(decline.id) : undefined);
    const sure = top.coverage >= gate.answerCoverage && outcome.known >= gate.answerKnown;
    if (!sure) return unsureReply(suggestions(hits));
    const chosen = byTopicVote(hits, top);
    if (chosen.kind === 'stage') return stageReply(kb, stagesById.get(chosen.id) as Stage, chosen.score);
    const entry = entries.get(chosen.id) as Entry;
    return answerReply(entry, chosen.score, relatedTo(entry, hits.filter((h) => h !== chosen)));
  }

  function route(message: string, ctx: AskContext): Reply {
    const raw = message.replace(MENTIONS, ' ');
    const simple = simplify(raw);
    if (!simple) return helpReply(kb);
    if (isPromptInjection(simple)) return declineReply(kb, declines.get(INJECTION_DECLINE));
    const plain = withoutPoliteness(simple);
    if (GREETING.test(simple) || GREETING.test(plain) || (plain === '' && GREETING.test(simple.split(/[\s,]+/)[0] ?? ''))) return helpReply(kb, true);
    if (HELP.test(simple) || HELP.test(plain)) return helpReply(kb);
    if (SMALL_TALK.test(simple)) return smallTalkReply(kb);
    if (FOLLOW_UP.test(plain)) return followUpReply(kb);
    if (UNHAPPY.test(simple)) return smallTalkReply(kb, true);
    if (OVERVIEW.test(plain) || asksForBackendIntro(plain)) return overviewReply(kb);
    const order = roadmapOrder(simple);
    if (order) {
      const from = stageByName(order.stage, PIVOT_FILLER);
      const to = from && kb.stages.find((s) => s.number === from.number + (order.after ? 1 : -1));
      if (from && to) return stageReply(kb, to, 0, `${order.after ? 'After' : 'Before'} ${from.title} comes stage ${to.number}.`);
    }
    // Short messages that are just a stage name or number ("databases", "stage 4"), maybe
    // asking for an introduction to it ("sql for beginners").
    if (simple.length <= 60) {
      const stage = stageByName(simple, INTRO_FILLER);
      if (stage) return stageReply(kb, stage);
    }
    return search(raw, ctx);
  }

  const router: Router = {
    stages: kb.stages.map((s) => ({ id: s.id, number: s.number, title: s.title })),
    answer(question, ctx = {}) {
      try {
        return route(typeof question === 'string' ? question : '', ctx ?? {});
      } catch {
        return errorReply();
      }
    },
    roadmap(arg = '') {
      const text = typeof arg === 'string' ? arg.trim() : '';
      if (!text || /^(?:overview|all|roadmap|list)$/i.test(text)) return overviewReply(kb);
      return router.stage(text) ?? router.answer(text);
    },
    stage(nameOrNumber) {
      try {
        const s = stageByName(String(nameOrNumber ?? ''));
        return s ? stageReply(kb, s) : null;
      } catch {
        return null;
      }
    },
    explain: (question) => index.search(String(question ?? '')),
    overview: () => overviewReply(kb),
    help: () => helpReply(kb),
    open(ref) {
      const [kind, id = ''] = String(ref ?? '').split(':', 2);
      if (kind === 'entry' && entries.has(id)) {
        const e = entries.get(id) as Entry;
        return answerReply(e, 0, relatedTo(e, []));
      }
      if (kind === 'stage' && stagesById.has(id)) return stageReply(kb, stagesById.get(id) as Stage);
      if (kind === 'overview') return overviewReply(kb);
      return helpReply(kb);
    },
    complete(partial, limit = 25) {
      try {
        return index.complete(String(partial ?? '').slice(0, 200), limit).map((id) => {
          const q = (entries.get(id) as Entry).question.slice(0, 100);
          return { label: q, value: q };
        });
      } catch {
        return [];
      }
    },
  };
  return router;
}
