/**
 * The shared conversation scenarios (tests/scenarios/conversations.yaml) through the Discord
 * plumbing: `ask` as /ask question:<text>, `roadmap` as /roadmap <stage id> (or overview when
 * empty). The core's Reply must match the scenario, and the message the fake Discord received
 * must show that Reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreReply, loadScenarios, mismatches } from '../../scenarios/scenarios.ts';
import { option, slashCommand } from '../../fakes/discord/payloads.ts';
import { limitProblems } from './limits.ts';
import { router } from '../../support/core.ts';
import { embedOf, interact, startBot, unescape, type BotUnderTest } from './support.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot?.close();
});

describe('conversation scenarios through Discord', () => {
  it.each(loadScenarios().map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const reply = coreReply(router, scenario);
    expect(mismatches(reply, scenario)).toEqual([]);

    const payload =
      scenario.ask !== undefined
        ? slashCommand({ applicationId: bot.fake.applicationId, name: 'ask', options: [option.string('question', scenario.ask)] })
        : slashCommand({ applicationId: bot.fake.applicationId, name: 'roadmap', options: [option.subcommand(scenario.roadmap || 'overview')] });
    const body = await interact(bot.fake, payload);

    expect(body.type).toBe(4);
    expect(limitProblems(body.data)).toEqual([]);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(body);
    expect(unescape(embed.title)).toBe(reply.title);
    if (reply.source) expect(embed.footer.text).toContain(reply.source.id);
  });
});
