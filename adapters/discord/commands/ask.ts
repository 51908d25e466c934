/**
 * /ask question:<text>: the router's answer, with autocomplete over the knowledge base's
 * questions while the user types.
 */
import { SlashCommandBuilder } from 'discord.js';
import { LIMITS, renderChoices } from '../render.ts';
import type { SlashCommand } from './command.ts';
import { forOption, privateOption, readDelivery, replyMessage } from './delivery.ts';

const QUESTION = 'question';

export const askCommand: SlashCommand = {
  name: 'ask',
  definition() {
    return new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question about becoming a backend developer')
      .addStringOption((o) => o.setName(QUESTION).setDescription('Your question, in your own words').setRequired(true).setMaxLength(LIMITS.questionLength).setAutocomplete(true))
      .addBooleanOption(privateOption())
      .addUserOption(forOption())
      .toJSON();
  },
  async execute(interaction, core) {
    const reply = core.router.answer(interaction.options.getString(QUESTION, true));
    await interaction.reply(replyMessage(reply, readDelivery(interaction)));
  },
  async autocomplete(interaction, core) {
    // Synchronous lookup, one HTTP call: autocomplete cannot be deferred.
    await interaction.respond(renderChoices(core.router.complete(interaction.options.getFocused())));
  },
};
