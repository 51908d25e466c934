/**
 * Every interaction Discord sends goes through here: the per-user throttle, the matching
 * command or component handler, and one safety net that turns a failure into a short private
 * apology (and a log line) instead of Discord's "The application did not respond".
 *
 * Acknowledging within Discord's 3 seconds: every handler computes its Reply synchronously
 * (the router is in memory) and answers with a single callback, so the first response goes
 * out milliseconds after the event arrives; there is nothing slow to defer.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type AutocompleteInteraction, type Interaction, type RepliableInteraction } from 'discord.js';
import { errorReply, throttledReply, type CoreServices } from '../../../src/index.ts';
import { privateMessage } from '../commands/delivery.ts';
import { findCommand } from '../commands/index.ts';
import { handleButton, handleSelect } from './components.ts';

export function createInteractionHandler(core: CoreServices): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(interaction, core);
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) return;

    const what = describe(interaction);
    // Autocomplete is exempt above: it fires on every keystroke and must never be refused.
    const decision = core.throttle.tryTake(`discord:${interaction.user.id}`);
    if (!decision.ok) {
      core.log.debug(`discord: throttled ${what} from ${interaction.user.id}`);
      await respondSafely(interaction, core, () => interaction.reply(privateMessage(throttledReply(decision.retryAfterMs))));
      return;
    }

    try {
      core.log.debug(`discord: ${what} from ${interaction.user.id}`);
      if (interaction.isChatInputCommand()) {
        const command = findCommand(interaction.commandName);
        if (command) await command.execute(interaction, core);
        else await interaction.reply(privateMessage(core.router.help()));
      } else if (interaction.isButton()) await handleButton(interaction, core);
      else await handleSelect(interaction, core);
    } catch (error) {
      if (isExpired(error)) {
        core.log.error(`discord: could not answer ${what} (interaction expired or already answered)`, error);
        return;
      }
      core.log.error(`discord: ${what} failed`, error);
      await apologize(interaction, core);
    }
  };
}

async function autocomplete(interaction: AutocompleteInteraction, core: CoreServices): Promise<void> {
  const command = findCommand(interaction.commandName);
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, core);
    else await interaction.respond([]);
  } catch (error) {
    // Too late or already answered: the user just sees no suggestions, nothing to apologise for.
    core.log.warn(`discord: autocomplete for /${interaction.commandName} failed`, error);
  }
}

/** A short private apology, as a first response or a follow-up, whichever is still possible. */
async function apologize(interaction: RepliableInteraction, core: CoreServices): Promise<void> {
  const apology = privateMessage(errorReply());
  await respondSafely(interaction, core, () => (interaction.replied || interaction.deferred ? interaction.followUp(apology) : interaction.reply(apology)));
}

async function respondSafely(interaction: RepliableInteraction, core: CoreServices, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    core.log.error(`discord: could not answer ${describe(interaction)}${isExpired(error) ? ' (interaction expired or already answered)' : ''}`, error);
  }
}

/** An interaction past its 3 seconds, or answered by another instance: it cannot be answered at all. */
function isExpired(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) {
    const sub = interaction.options.getSubcommand(false);
    return `/${interaction.commandName}${sub ? ` ${sub}` : ''}`;
  }
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
