/**
 * The shape of one slash command: its definition (the JSON registered with Discord) next to
 * its handlers, so what users see in the command picker and what the bot does cannot drift.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CoreServices, Router } from '../../../src/index.ts';

export interface SlashCommand {
  name: string;
  /** Built from the router (the stage list), so the commands follow the knowledge base. */
  definition(router: Router): RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, core: CoreServices): Promise<void>;
  /** Must answer at once: Discord drops autocomplete answers after 3 seconds and they cannot be deferred. */
  autocomplete?(interaction: AutocompleteInteraction, core: CoreServices): Promise<void>;
}
