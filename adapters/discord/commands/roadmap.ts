/**
 * /roadmap <stage>: one subcommand per roadmap stage (ids from router.stages) plus
 * /roadmap overview. The card's Previous / Next buttons come from the Reply's actions.
 */
import { SlashCommandBuilder, SlashCommandSubcommandBuilder } from 'discord.js';
import { truncate } from '../../../src/index.ts';
import { LIMITS } from '../render.ts';
import type { SlashCommand } from './command.ts';
import { forOption, privateOption, readDelivery, replyMessage } from './delivery.ts';

const OVERVIEW = 'overview';

function subcommand(name: string, description: string): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(truncate(description, LIMITS.commandDescription))
    .addBooleanOption(privateOption())
    .addUserOption(forOption());
}

export const roadmapCommand: SlashCommand = {
  name: 'roadmap',
  definition(router) {
    const builder = new SlashCommandBuilder().setName('roadmap').setDescription('Walk the backend roadmap stage by stage');
    builder.addSubcommand(subcommand(OVERVIEW, 'All stages of the roadmap at a glance'));
    for (const s of router.stages) builder.addSubcommand(subcommand(s.id, `Stage ${s.number}: ${s.title}`));
    return builder.toJSON();
  },
  async execute(interaction, core) {
    // The subcommand name is the /roadmap argument: a stage id, or "overview".
    const reply = core.router.roadmap(interaction.options.getSubcommand(true));
    await interaction.reply(replyMessage(reply, readDelivery(interaction)));
  },
};
