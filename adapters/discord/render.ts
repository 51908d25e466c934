/**
 * Reply -> one Discord embed plus message components (and autocomplete choices). Every
 * Discord size limit lives in this file, so a long knowledge-base entry can never make
 * Discord reject a message (it answers 400 when any limit is crossed, and the user would see
 * nothing at all).
 *
 * Layout: title, body as the description, each section as a field, links as a "Resources"
 * field, the source in the footer. Stage navigation and "did you mean" suggestions become
 * buttons (they replace the message); related entries become a select menu (it opens the
 * chosen entry in a new message); the first link also gets a link button.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
import { truncate, type Action, type Completion, type Reply, type ReplyKind } from '../../src/index.ts';
import { navigationId, OPEN_SELECT_ID } from './custom-id.ts';
import { DISCORD, discordMarkdown, escapeLine } from './markdown.ts';

/** Discord's documented limits (resources/message.mdx, interactions/message-components.mdx). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title + description + field names and values + footer + author, over all embeds. */
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectLabel: 100,
  selectValue: 100,
  selectPlaceholder: 150,
  linkUrl: 512,
  /** Autocomplete: suggestions per answer, and characters in a suggestion's name or value. */
  choices: 25,
  choiceText: 100,
  commandDescription: 100,
  /** Our own cap on /ask's question (Discord allows 6000); longer text is noise for routing. */
  questionLength: 500,
} as const;

/** Below this many characters a cut field is more noise than help, so it is dropped. */
const MIN_USEFUL_FIELD = 40;

export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderedReply {
  embeds: APIEmbed[];
  components: MessageRow[];
}

const COLORS: Record<ReplyKind, number> = {
  answer: 0x2ecc71,
  stage: 0x5865f2,
  overview: 0x5865f2,
  help: 0x99aab5,
  unsure: 0xf1c40f,
  decline: 0x95a5a6,
  throttled: 0xe67e22,
  error: 0xe74c3c,
};

export function renderReply(reply: Reply): RenderedReply {
  return { embeds: [renderEmbed(reply)], components: renderComponents(reply) };
}

/** A piece of embed text that can be rendered again at a smaller size. */
interface Part {
  name?: string;
  render: (max: number) => string;
  text: string;
}

function renderEmbed(reply: Reply): APIEmbed {
  const title = lineWithin(reply.title, LIMITS.title);
  const footer = reply.source ? truncate(`Source: ${reply.source.id} · reviewed ${reply.source.reviewed}`, LIMITS.footer) : '';

  const description: Part = part(undefined, (max) => discordMarkdown(reply.body, max), LIMITS.description);
  const fields: Part[] = [];
  for (const s of reply.sections) fields.push(part(lineWithin(s.heading, LIMITS.fieldName), (max) => discordMarkdown(s.body, max), LIMITS.fieldValue));
  const links = reply.links.length ? part(reply.kind === 'stage' ? 'Resources' : 'Learn more', (max) => linkList(reply, max), LIMITS.fieldValue) : null;
  if (links) fields.push(links);
  let kept = fields.filter((f) => f.text).slice(0, LIMITS.fields);

  // Fit Discord's total for the whole embed. The body may use up to half of what is left when
  // the fields need the rest; the fields then share the remainder evenly (short ones stay
  // whole, long ones are cut to the same length), and trailing sections are dropped when the
  // share would be too small to read.
  const budget = LIMITS.embedTotal - title.length - footer.length;
  const fieldsNeed = kept.reduce((n, f) => n + (f.name?.length ?? 0) + f.text.length, 0);
  if (description.text.length + fieldsNeed > budget) {
    const descriptionMax = Math.min(description.text.length, Math.max(budget - fieldsNeed, Math.floor(budget / 2)));
    if (descriptionMax < description.text.length) description.text = description.render(descriptionMax);
    for (;;) {
      const room = budget - description.text.length - kept.reduce((n, f) => n + (f.name?.length ?? 0), 0);
      const level = fairShare(kept.map((f) => f.text.length), room);
      if (level >= MIN_USEFUL_FIELD || kept.length === 0 || level === Infinity) {
        for (const f of kept) if (f.text.length > level) f.text = f.render(level);
        break;
      }
      // Drop the last section; the links go last of all, they are where to read on.
      const victim = [...kept].reverse().find((f) => f !== links) ?? kept[kept.length - 1];
      kept = kept.filter((f) => f !== victim);
    }
  }

  const embed: APIEmbed = { title, color: COLORS[reply.kind] };
  if (description.text) embed.description = description.text;
  // Discord rejects an empty field value; a links field cut below its first line is one.
  kept = kept.filter((f) => f.text);
  if (kept.length) embed.fields = kept.map((f): APIEmbedField => ({ name: f.name ?? '', value: f.text }));
  if (footer) embed.footer = { text: footer };
  return embed;
}

/**
 * The largest cap such that capping every length at it keeps the sum within `room`
 * (Infinity when everything fits as is).
 */
function fairShare(lengths: number[], room: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let left = room;
  for (let i = 0; i < sorted.length; i++) {
    const length = sorted[i] as number;
    const sharing = sorted.length - i;
    if (length * sharing > left) return Math.max(0, Math.floor(left / sharing));
    left -= length;
  }
  return Infinity;
}

function part(name: string | undefined, render: (max: number) => string, max: number): Part {
  return { name, render, text: render(max) };
}

/** Escaped one-line text of at most `max` characters. */
function lineWithin(text: string, max: number): string {
  let room = max;
  let out = escapeLine(text);
  // Escaping adds backslashes, so cut the plain text until its escaped form fits.
  while (out.length > max && room > 1) {
    room -= out.length - max;
    out = escapeLine(truncate(text.replace(/\s+/g, ' ').trim(), room));
  }
  return out.length > max ? out.slice(0, max) : out;
}

/** Links as bullet lines; only whole lines, so no link is ever cut in half. */
function linkList(reply: Reply, max: number): string {
  const lines: string[] = [];
  let length = 0;
  for (const l of reply.links) {
    const line = `• ${DISCORD.link(l.title, l.url)}`;
    const added = line.length + (lines.length ? 1 : 0);
    if (length + added > max) break;
    lines.push(line);
    length += added;
  }
  return lines.join('\n');
}

const isWebUrl = (url: string) => /^https?:\/\/\S+$/.test(url) && url.length <= LIMITS.linkUrl;
const buttonLabel = (text: string) => truncate(text.replace(/\s+/g, ' ').trim(), LIMITS.buttonLabel) || '…';

function renderComponents(reply: Reply): MessageRow[] {
  const rows: MessageRow[] = [];
  const usedIds = new Set<string>();
  const navigation = (a: Action, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent | null => {
    const customId = navigationId(a.ref);
    if (customId.length > LIMITS.customId || usedIds.has(customId)) return null;
    usedIds.add(customId);
    return { type: ComponentType.Button, style, label: buttonLabel(label), custom_id: customId };
  };

  // Row 1: previous / next stage and the main resource.
  const first: APIButtonComponent[] = [];
  const previous = reply.actions.find((a) => a.role === 'previous');
  const next = reply.actions.find((a) => a.role === 'next');
  const previousButton = previous && navigation(previous, 'Previous stage', ButtonStyle.Secondary);
  const nextButton = next && navigation(next, 'Next stage', ButtonStyle.Secondary);
  if (previousButton) first.push(previousButton);
  if (nextButton) first.push(nextButton);
  const main = reply.links.find((l) => isWebUrl(l.url));
  if (main) first.push({ type: ComponentType.Button, style: ButtonStyle.Link, label: buttonLabel(main.title), url: main.url });
  if (first.length) rows.push({ type: ComponentType.ActionRow, components: first });

  // Suggestions and stage shortcuts: buttons, five to a row.
  const shortcuts = reply.actions
    .filter((a) => a.role === 'suggestion' || a.role === 'stage')
    .map((a) => navigation(a, a.label, a.role === 'suggestion' ? ButtonStyle.Primary : ButtonStyle.Secondary))
    .filter((b): b is APIButtonComponent => b !== null);
  for (let i = 0; i < shortcuts.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: shortcuts.slice(i, i + LIMITS.buttonsPerRow) });

  // Related entries: one select menu, so long questions stay readable.
  const related = new Map<string, Action>();
  for (const a of reply.actions) if (a.role === 'related' && a.ref.length <= LIMITS.selectValue && !related.has(a.ref)) related.set(a.ref, a);
  if (related.size && rows.length < LIMITS.rows) {
    const select: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: OPEN_SELECT_ID,
      placeholder: truncate('Related questions', LIMITS.selectPlaceholder),
      min_values: 1,
      max_values: 1,
      options: [...related.values()].slice(0, LIMITS.selectOptions).map((a) => ({
        label: truncate(a.label.replace(/\s+/g, ' ').trim(), LIMITS.selectLabel) || '…',
        value: a.ref,
      })),
    };
    rows.push({ type: ComponentType.ActionRow, components: [select] });
  }
  return rows;
}

/** Autocomplete suggestions: at most 25, names and values within 100 characters, no duplicates. */
export function renderChoices(completions: Completion[]): { name: string; value: string }[] {
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const c of completions) {
    const value = truncate(c.value.trim(), LIMITS.choiceText);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncate(c.label.replace(/\s+/g, ' ').trim(), LIMITS.choiceText) || value, value });
    if (choices.length === LIMITS.choices) break;
  }
  return choices;
}
