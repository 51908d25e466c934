/**
 * Button presses and menu choices on the bot's own messages. The custom_id carries a Router
 * ref (see custom-id.ts), so answering needs no memory of the original message.
 *
 * - A navigation button (Previous / Next stage, a "did you mean" suggestion) replaces the
 *   message in place: the card moves through the roadmap instead of piling up new messages.
 * - The related-questions menu opens the chosen entry in a new message that only the person
 *   who chose sees, so one curious member does not fill the channel with answers.
 */
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { CoreServices } from '../../../src/index.ts';
import { privateMessage } from '../commands/delivery.ts';
import { parseCustomId } from '../custom-id.ts';
import { renderReply } from '../render.ts';

export async function handleButton(interaction: ButtonInteraction, core: CoreServices): Promise<void> {
  const intent = parseCustomId(interaction.customId);
  if (intent.kind !== 'navigate') {
    // A button from an older version of the bot: answer rather than leave the click hanging.
    await interaction.reply(privateMessage(core.router.help()));
    return;
  }
  // `update` edits the message the button is on; content (a "for @member" line) stays as it was.
  await interaction.update({ ...renderReply(core.router.open(intent.ref)), allowedMentions: { parse: [] } });
}

export async function handleSelect(interaction: StringSelectMenuInteraction, core: CoreServices): Promise<void> {
  const intent = parseCustomId(interaction.customId);
  const ref = interaction.values[0];
  const reply = intent.kind === 'open' && ref ? core.router.open(ref) : core.router.help();
  await interaction.reply(privateMessage(reply));
}
