/**
 * Turns knowledge (entries, stages, the roadmap) into Replies. No matching happens here:
 * the router decides what to say, this module decides how it is laid out as data.
 */
import type { DeclineEntry, Entry, KnowledgeBase, Stage } from './knowledge/types.ts';
import { makeReply, type Action, type Reply } from './reply.ts';
import { truncate } from './text/markdown.ts';

/** Refs are what buttons carry back to `Router.open`; they must stay short. */
export const ref = {
  entry: (id: string) => `entry:${id}`,
  stage: (id: string) => `stage:${id}`,
  overview: () => 'overview',
};

const label = (text: string) => truncate(text, 80);

export function entryAction(e: Entry, role: Action['role']): Action {
  return { label: label(e.question), ref: ref.entry(e.id), role };
}

export function stageAction(s: Stage, role: Action['role']): Action {
  return { label: label(`${s.number}. ${s.title}`), ref: ref.stage(s.id), role };
}

export function answerReply(e: Entry, score: number, related: Entry[]): Reply {
  return makeReply({
    kind: 'answer',
    answered: true,
    title: e.question,
    body: e.answer,
    links: e.links,
    actions: related.map((r) => entryAction(r, 'related')),
    topic: e.topic,
    id: e.id,
    score,
    source: { id: e.id, reviewed: e.reviewed, file: e.file },
  });
}

const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');

export function stageReply(kb: KnowledgeBase, s: Stage, score = 0, intro = ''): Reply {
  const previous = kb.stages.find((x) => x.number === s.number - 1);
  const next = kb.stages.find((x) => x.number === s.number + 1);
  const actions: Action[] = [];
  if (previous) actions.push(stageAction(previous, 'previous'));
  if (next) actions.push(stageAction(next, 'next'));
  return makeReply({
    kind: 'stage',
    answered: true,
    title: `Stage ${s.number}: ${s.title}`,
    body: intro ? `${intro}\n\n${s.summary}` : s.summary,
    sections: [
      { heading: 'What to learn', body: bullets(s.learn) },
      { heading: 'Suggested path', body: bullets(s.path) },
      { heading: 'Milestone project', body: s.project },
      { heading: 'Typical time', body: s.time },
      { heading: 'Common pitfalls', body: bullets(s.pitfalls) },
      { heading: 'What comes next', body: s.next },
    ],
    links: s.resources,
    actions,
    topic: s.id,
    id: s.id,
    score,
    source: { id: s.id, reviewed: s.reviewed, file: s.file },
    stage: { id: s.id, number: s.number, total: kb.stages.length },
  });
}

export function overviewReply(kb: KnowledgeBase): Reply {
  return makeReply({
    kind: 'overview',
    answered: true,
    title: 'The backend roadmap',
    body:
      `${kb.stages.length} stages, from your first program to a portfolio that gets interviews. ` +
      'Take them roughly in order; each one builds on the ones before it.',
    sections: [{ heading: 'Stages', body: bullets(kb.stages.map((s) => `**${s.number}. ${s.title}** (${s.time})`)) }],
    links: [{ title: 'roadmap.sh backend roadmap', url: 'https://roadmap.sh/backend' }],
    actions: kb.stages.slice(0, 3).map((s) => stageAction(s, 'stage')),
    topic: 'overview',
    id: 'overview',
  });
}

export function helpReply(kb: KnowledgeBase, greeting = false): Reply {
  return makeReply({
    kind: 'help',
    title: greeting ? 'Hi! I answer backend roadmap questions' : 'What I can do',
    body:
      'Ask me anything about becoming a backend developer: what to learn first, SQL or NoSQL, which framework, ' +
      'Git, security, testing, deployment, your first job. I answer from a curated knowledge base and link to official docs.',
    sections: [
      {
        heading: 'Try',
        body: bullets([
          '`roadmap`: the whole roadmap, stage by stage',
          '`stage 4` or `databases`: one stage with what to learn, resources and a project',
          '`what is the difference between SQL and NoSQL?`: any question in your own words',
        ]),
      },
    ],
    actions: [
      { label: 'Show the roadmap', ref: ref.overview(), role: 'suggestion' },
      ...kb.stages.slice(0, 2).map((s) => stageAction(s, 'stage')),
    ],
  });
}

/** A friendly word back to thanks and goodbyes, or an apology for an unhelpful answer. */
export function smallTalkReply(kb: KnowledgeBase, unhappy = false): Reply {
  return makeReply({
    kind: 'help',
    title: unhappy ? "Sorry that wasn't helpful" : 'Happy to help',
    body: unhappy
      ? 'Try asking again with the technology or situation you mean ("postgres connection refused in docker"), or browse the roadmap. Every answer shows its source id, so you can tell the maintainers which one missed.'
      : 'Ask me another backend question whenever you like, or type `roadmap` to see all the stages.',
    actions: [
      { label: 'Show the roadmap', ref: ref.overview(), role: 'suggestion' },
      ...kb.stages.slice(0, 1).map((s) => stageAction(s, 'stage')),
    ],
  });
}

/** "explain more", "next": the bot keeps no conversation, so it asks for the whole question. */
export function followUpReply(kb: KnowledgeBase): Reply {
  return makeReply({
    kind: 'help',
    title: 'Ask me the whole question',
    body:
      'I answer each message on its own and do not remember the previous one. Ask again with the topic in it, ' +
      'for example "explain database indexes in more detail", or use the buttons under my last answer.',
    actions: [{ label: 'Show the roadmap', ref: ref.overview(), role: 'suggestion' }],
  });
}

export function unsureReply(suggestions: Action[]): Reply {
  return makeReply({
    kind: 'unsure',
    title: "I'm not sure I understood",
    body:
      suggestions.length > 0
        ? "I don't have a confident answer to that. Did you mean one of these?"
        : "I don't have a confident answer to that. Try rephrasing with the technology or topic you mean, or look at the roadmap.",
    actions: suggestions.length ? suggestions : [{ label: 'Show the roadmap', ref: ref.overview(), role: 'suggestion' }],
  });
}

export function declineReply(kb: KnowledgeBase, decline?: DeclineEntry): Reply {
  return makeReply({
    kind: 'decline',
    title: 'That is outside what I cover',
    body:
      decline?.answer ??
      "That doesn't look like a backend development question, so I'll leave it to someone better placed. " +
        'I can help with the backend roadmap: languages, databases, APIs, Git, frameworks, security, testing, deployment and careers.',
    actions: [
      { label: 'Show the roadmap', ref: ref.overview(), role: 'suggestion' },
      ...kb.stages.slice(0, 1).map((s) => stageAction(s, 'stage')),
    ],
    id: decline?.id ?? null,
  });
}

export function throttledReply(retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return makeReply({
    kind: 'throttled',
    title: 'Easy there',
    body: `You're sending questions faster than I can keep up with. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  });
}

export function errorReply(): Reply {
  return makeReply({
    kind: 'error',
    title: 'Sorry, something went wrong',
    body: 'I hit a problem answering that. Please try again in a moment; if it keeps happening, tell the maintainers.',
  });
}
