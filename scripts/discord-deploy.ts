/**
 * `npm run discord:deploy`: registers the bot's slash commands now, with the same sync the bot
 * runs at start (a PUT only when Discord's copy differs). Reads .env like the launcher:
 * DISCORD_TOKEN, DISCORD_CLIENT_ID, and DISCORD_GUILD_ID for one server (else global).
 *
 * `npm run discord:deploy -- --clear` removes the bot's commands from that scope instead.
 */
import { config } from 'dotenv';
import { AdapterStartError, KnowledgeBaseError, createRouter, loadKnowledgeBase, loadSettings } from '../src/index.ts';
import { deployCommands } from '../adapters/discord/deploy.ts';

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

config({ quiet: true });
const { settings, problems } = loadSettings(process.env);
if (problems.length) fail(problems.join(' '));
if (!settings.discord) fail('Set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env first (see adapters/discord/README.md).');
const discord = settings.discord;

let router;
try {
  // The /roadmap subcommands are the knowledge base's stages.
  router = createRouter(loadKnowledgeBase(settings.knowledgeDir));
} catch (error) {
  if (error instanceof KnowledgeBaseError) fail(`The knowledge base has ${error.problems.length} problem(s); run npm run kb:check to list them.`);
  throw error;
}

const clear = process.argv.includes('--clear');
try {
  const result = await deployCommands(discord, router, { clear });
  const where = result.scope === 'guild' ? `in server ${discord.guildId}` : 'globally';
  if (clear) console.log(result.changed ? `Removed the bot's commands ${where}.` : `No commands registered ${where}; nothing sent.`);
  else if (!result.changed) console.log(`Commands already up to date ${where}; nothing sent.`);
  else console.log(`Registered ${result.count} commands ${where}.${result.scope === 'global' ? ' Global changes can take up to an hour to show in Discord.' : ''}`);
} catch (error) {
  if (error instanceof AdapterStartError) fail(error.message);
  throw error;
}
