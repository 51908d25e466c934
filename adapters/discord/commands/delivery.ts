/**
 * Who sees a reply and who gets pinged, chosen with two options every command shares:
 * `private` (only the asker sees it: an ephemeral reply) and `for` (aim it at another member,
 * the one mention the reply may ping). Nothing else in a reply can ping: text from users and
 * the knowledge base goes out with `allowed_mentions.parse = []`.
 */
import {
  MessageFlags,
  SlashCommandBooleanOption,
  SlashCommandUserOption,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Reply } from '../../../src/index.ts';
import { renderReply } from '../render.ts';

export const PRIVATE_OPTION = 'private';
export const FOR_OPTION = 'for';

export const privateOption = () =>
  new SlashCommandBooleanOption().setName(PRIVATE_OPTION).setDescription('Only you see the answer (default: the whole channel)');

export const forOption = () =>
  new SlashCommandUserOption().setName(FOR_OPTION).setDescription('Send the answer to this member (they get a notification)');

export interface Delivery {
  ephemeral: boolean;
  askerId: string;
  /** The member the answer is aimed at, if any. */
  recipientId: string | null;
}

export function readDelivery(interaction: ChatInputCommandInteraction): Delivery {
  return {
    ephemeral: interaction.options.getBoolean(PRIVATE_OPTION) ?? false,
    askerId: interaction.user.id,
    recipientId: interaction.options.getUser(FOR_OPTION)?.id ?? null,
  };
}

/** The reply rendered for Discord, with visibility, greeting line and allowed mentions set. */
export function replyMessage(reply: Reply, delivery: Delivery): InteractionReplyOptions {
  const message: InteractionReplyOptions = { ...renderReply(reply), allowedMentions: { parse: [] } };
  const { recipientId, askerId } = delivery;
  if (delivery.ephemeral) {
    message.flags = MessageFlags.Ephemeral;
    // A private answer cannot reach anyone else; say so instead of silently dropping `for`.
    if (recipientId && recipientId !== askerId) message.content = `Only you can see this, so <@${recipientId}> was not notified.`;
  } else if (recipientId) {
    message.content = `<@${recipientId}>, <@${askerId}> thought this could help you.`;
    message.allowedMentions = { parse: [], users: [recipientId] };
  }
  return message;
}

/** An ephemeral message for the person who clicked or typed: notes, apologies, opened entries. */
export function privateMessage(reply: Reply): InteractionReplyOptions {
  return { ...renderReply(reply), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } };
}
