/** A Reply as plain text: for the jsonl interface, logs, and notification fallbacks. */
import type { Reply } from '../reply.ts';
import { toPlainText } from './markdown.ts';

export function replyToText(reply: Reply): string {
  const parts = [reply.title, toPlainText(reply.body)];
  for (const s of reply.sections) parts.push(`${s.heading}:\n${toPlainText(s.body)}`);
  if (reply.links.length) parts.push(`Links:\n${reply.links.map((l) => `- ${l.title}: ${l.url}`).join('\n')}`);
  const related = reply.actions.filter((a) => a.role === 'related' || a.role === 'suggestion');
  if (related.length) parts.push(`${reply.kind === 'answer' ? 'Related' : 'Suggestions'}:\n${related.map((a) => `- ${a.label}`).join('\n')}`);
  if (reply.source) parts.push(`Source: ${reply.source.id}, reviewed ${reply.source.reviewed}`);
  return parts.filter(Boolean).join('\n\n');
}
