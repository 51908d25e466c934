/** Reading what the bot sent: the header, every text, the buttons of a Block Kit message. */
import type { SentButton } from '../../../fakes/slack/requests.ts';

type AnyBlock = Record<string, unknown> & { type: string };

export const asBlocks = (value: unknown): AnyBlock[] => (Array.isArray(value) ? (value as AnyBlock[]) : []);

export function headerText(blocks: unknown): string {
  const header = asBlocks(blocks).find((b) => b.type === 'header') as { text?: { text?: string } } | undefined;
  return header?.text?.text ?? '';
}

/** Every text string anywhere in the blocks, in order. */
export function allTexts(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(value);
  return out;
}

export function buttons(blocks: unknown): SentButton[] {
  return asBlocks(blocks)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements as (SentButton & { type: string })[] | undefined) ?? [])
    .filter((e) => e.type === 'button');
}

export function buttonByValue(blocks: unknown, value: string): SentButton {
  const found = buttons(blocks).find((b) => b.value === value);
  if (!found) throw new Error(`no button with value ${value}; have ${JSON.stringify(buttons(blocks).map((b) => b.value))}`);
  return found;
}

/** Slack's three entities back to characters (what a reader sees). */
export const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2060/g, '');
