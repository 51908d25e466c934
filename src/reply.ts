/**
 * The platform-neutral answer the core hands to every adapter.
 *
 * A Reply is plain data. Text fields hold the knowledge base's small markdown subset
 * (see `src/text/markdown.ts`); each adapter decides how that looks on its platform.
 */
import type { TopicId } from './knowledge/topics.ts';

/** What kind of reply this is; adapters may style each kind differently. */
export type ReplyKind =
  | 'answer' // a knowledge entry answers the question
  | 'stage' // a stage card of the roadmap
  | 'overview' // the whole roadmap, stage by stage
  | 'help' // greeting or "what can you do"
  | 'unsure' // low confidence: "I'm not sure, did you mean ..."
  | 'decline' // out of scope, said politely
  | 'throttled' // the user sent too much too fast
  | 'error'; // something failed on our side

export interface Section {
  heading: string;
  /** Markdown subset; list items are lines starting with "- ". */
  body: string;
}

export interface Link {
  title: string;
  url: string;
}

/**
 * A suggested next step the user can take with one click or command.
 * `ref` is a short opaque string (at most 90 characters) that `Router.open(ref)`
 * turns back into a Reply, so adapters can put it in a button's custom id or value.
 */
export interface Action {
  label: string;
  ref: string;
  /** Why it is offered: a related entry, a "did you mean", stage navigation. */
  role: 'related' | 'suggestion' | 'previous' | 'next' | 'stage';
}

/** Where an answer came from, so curators can find and fix it. */
export interface Source {
  id: string;
  reviewed: string;
  file: string;
}

export interface Reply {
  kind: ReplyKind;
  /** True when the bot gives an answer it stands behind (kind answer, stage or overview). */
  answered: boolean;
  title: string;
  body: string;
  sections: Section[];
  links: Link[];
  actions: Action[];
  /** Topic id of the entry or stage that answered; null when nothing did. */
  topic: TopicId | null;
  /** Entry or stage id that answered; null when nothing did. */
  id: string | null;
  /** Retrieval score of the chosen entry (0 when no search was involved). */
  score: number;
  source: Source | null;
  /** Set on stage cards: where this stage sits in the roadmap. */
  stage: { id: string; number: number; total: number } | null;
}

/** Builds a Reply with empty defaults, so call sites only name what they set. */
export function makeReply(fields: Partial<Reply> & Pick<Reply, 'kind' | 'title'>): Reply {
  return {
    answered: false,
    body: '',
    sections: [],
    links: [],
    actions: [],
    topic: null,
    id: null,
    score: 0,
    source: null,
    stage: null,
    ...fields,
  };
}
