/** Every slash command the bot has, and the JSON it registers with Discord. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Router } from '../../../src/index.ts';
import { askCommand } from './ask.ts';
import type { SlashCommand } from './command.ts';
import { roadmapCommand } from './roadmap.ts';

export const COMMANDS: readonly SlashCommand[] = [roadmapCommand, askCommand];

export function commandDefinitions(router: Router): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((c) => c.definition(router));
}

export function findCommand(name: string): SlashCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export type { SlashCommand } from './command.ts';
