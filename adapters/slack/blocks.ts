/**
 * A core Reply as a Slack message: Block Kit blocks plus the top-level `text` fallback that
 * Slack uses for notifications. Slack's size limits live here and nowhere else; every message
 * the adapter sends goes through `renderReply`, so every message respects them.
 *
 * Layout: header (title), sections (body, each reply section, links), context (source and
 * reviewed date, stage position, who asked / shared), actions (navigation and related entries
 * as buttons whose value is the core's ref, plus "Share in channel" when asked for).
 */
import type { types } from '@slack/bolt';
import { replyToText, truncate, type Action, type Reply } from '../../src/index.ts';
import { encodeShare, openActionId, SHARE_ACTION, type ShareSource } from './action-ids.ts';
import { escapeText, mrkdwnLink, toMrkdwn } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type Button = types.Button;

/** Slack's documented limits (docs.slack.dev, Block Kit reference) and our own safety budget. */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters of a section's text. */
  sectionText: 3000,
  /** Characters of a header's plain_text. */
  headerText: 150,
  /** Characters of a button's text. */
  buttonText: 75,
  /** Characters of a button's value. */
  buttonValue: 2000,
  /** Elements in one actions block. */
  actionElements: 25,
  /** Elements in one context block. */
  contextElements: 10,
  /**
   * Our budget for the blocks as JSON. Slack also rejects messages with `msg_blocks_too_long`
   * at an undocumented ~13.2k characters of blocks (bolt-js#2509); JSON length over-counts the
   * text, so staying under 12k keeps well clear of it.
   */
  blocksJson: 12_000,
  /** Our cap for the notification fallback (Slack truncates `text` at 40,000). */
  fallbackText: 3000,
} as const;

export interface RenderOptions {
  /** Adds a "Share in channel" button that rebuilds this reply from `share` and posts it publicly. */
  share?: ShareSource;
  /** What the user typed (shown as context, escaped). */
  asked?: string;
  /** Slack user id of who shared the message in the channel. */
  sharedBy?: string;
}

export interface SlackMessage {
  /** Notification and accessibility fallback; always set. */
  text: string;
  blocks: KnownBlock[];
}

const SHORTENED_NOTE = '_Shortened to fit in Slack._';
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** Escapes `raw` and cuts it so the escaped form is at most `max` characters. */
function fitEscaped(raw: string, max: number): string {
  const whole = escapeText(raw);
  if (whole.length <= max) return whole;
  // Escaping lengthens text unevenly (& becomes 5 characters), so search for the longest cut.
  let best = '…';
  let low = 1;
  let high = Math.min(raw.length, max);
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const escaped = escapeText(truncate(raw, mid));
    if (escaped.length <= max) {
      best = escaped;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

/**
 * Where mrkdwn can be cut at or before `max` without breaking a `<link|label>` or an `&amp;`
 * entity: preferably at a space, never inside a sequence we wrote.
 */
function safeCut(text: string, max: number): number {
  let cut = max;
  const space = text.lastIndexOf(' ', max);
  if (space > max * 0.6) cut = space;
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && text.indexOf('>', open) >= cut) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 8 && text.indexOf(';', amp) >= cut) cut = amp;
  return cut > 0 ? cut : max;
}

/** Cuts mrkdwn to at most `max` characters including the "…" it adds. */
function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}

/** Splits mrkdwn into pieces of at most `max` characters, at line breaks when possible. */
function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      const cut = safeCut(rest, max);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return pieces;
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });

function contentSections(reply: Reply): SectionBlock[] {
  const texts: string[] = [];
  if (reply.body.trim()) texts.push(toMrkdwn(reply.body));
  for (const s of reply.sections) {
    const body = toMrkdwn(s.body);
    const heading = s.heading.trim() ? `*${escapeText(s.heading.trim())}*` : '';
    if (heading || body) texts.push([heading, body].filter(Boolean).join('\n'));
  }
  if (reply.links.length) texts.push(`*Links*\n${reply.links.map((l) => `• ${mrkdwnLink(l.title, l.url)}`).join('\n')}`);
  return texts.flatMap((t) => splitMrkdwn(t, SLACK_LIMITS.sectionText)).map(section);
}

function contextBlock(reply: Reply, options: RenderOptions): ContextBlock | null {
  const notes: string[] = [];
  if (reply.stage) notes.push(`Stage ${reply.stage.number} of ${reply.stage.total}`);
  if (reply.source) notes.push(`Source: \`${fitEscaped(reply.source.id, 100)}\` · reviewed ${fitEscaped(reply.source.reviewed, 20)}`);
  if (options.asked?.trim()) notes.push(`Asked: ${fitEscaped(options.asked.trim(), 300)}`);
  if (options.sharedBy && USER_ID.test(options.sharedBy)) notes.push(`Shared by <@${options.sharedBy}>`);
  if (!notes.length) return null;
  return {
    type: 'context',
    elements: notes.slice(0, SLACK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text, verbatim: true })),
  };
}

function buttonLabel(action: Action): string {
  if (action.role === 'previous') return `← ${action.label}`;
  if (action.role === 'next') return `${action.label} →`;
  return action.label;
}

function actionsBlock(reply: Reply, options: RenderOptions): KnownBlock | null {
  const buttons: Button[] = [];
  const shareValue = options.share ? encodeShare(options.share) : '';
  const room = SLACK_LIMITS.actionElements - (shareValue ? 1 : 0);
  reply.actions
    .filter((a) => a.ref.length <= SLACK_LIMITS.buttonValue)
    .slice(0, room)
    .forEach((a, i) =>
      buttons.push({
        type: 'button',
        action_id: openActionId(i),
        text: { type: 'plain_text', text: fitEscaped(buttonLabel(a), SLACK_LIMITS.buttonText), emoji: true },
        value: a.ref,
      }),
    );
  if (shareValue && shareValue.length <= SLACK_LIMITS.buttonValue)
    buttons.push({
      type: 'button',
      action_id: SHARE_ACTION,
      style: 'primary',
      text: { type: 'plain_text', text: 'Share in channel', emoji: true },
      value: shareValue,
    });
  return buttons.length ? { type: 'actions', elements: buttons } : null;
}

const size = (blocks: KnownBlock[]): number => JSON.stringify(blocks).length;

/**
 * Fits the content sections between the fixed blocks within the block count and JSON budget.
 * Sections are kept in order; the first that does not fit is cut, the rest dropped, and a
 * note says so.
 */
function fitContent(fixedSize: number, fixedCount: number, content: SectionBlock[]): KnownBlock[] {
  const note: ContextBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: SHORTENED_NOTE, verbatim: true }] };
  const all = size(content) + fixedSize + (content.length ? 1 : 0);
  if (content.length + fixedCount <= SLACK_LIMITS.blocks && all <= SLACK_LIMITS.blocksJson) return content;

  const maxCount = SLACK_LIMITS.blocks - fixedCount - 1;
  let budget = SLACK_LIMITS.blocksJson - fixedSize - size([note]) - 1;
  const kept: KnownBlock[] = [];
  for (const block of content) {
    if (kept.length >= maxCount) break;
    const cost = size([block]) + 1;
    if (cost <= budget) {
      kept.push(block);
      budget -= cost;
      continue;
    }
    const overhead = size([section('')]) + 1;
    const room = budget - overhead;
    // JSON escaping can lengthen text (quotes, backslashes, newlines); cut with margin, then re-check.
    for (let max = room; max > 100; max = Math.floor(max * 0.9)) {
      const cut = section(cutMrkdwn(block.text?.text ?? '', Math.min(max, SLACK_LIMITS.sectionText)));
      if (size([cut]) + 1 <= budget) {
        kept.push(cut);
        break;
      }
    }
    break;
  }
  return [...kept, note];
}

/** Renders a Reply as a Slack message within every Slack limit. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: fitEscaped(reply.title, SLACK_LIMITS.headerText), emoji: true } };
  const context = contextBlock(reply, options);
  const actions = actionsBlock(reply, options);
  const tail = [context, actions].filter((b): b is KnownBlock => b !== null);
  const content = fitContent(size([header, ...tail]), 1 + tail.length, contentSections(reply));
  return {
    text: fitEscaped(replyToText(reply), SLACK_LIMITS.fallbackText),
    blocks: [header, ...content, ...tail],
  };
}
