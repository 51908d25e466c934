/**
 * End to end: real INTERACTION_CREATE payloads go through the fake gateway into the adapter
 * (real discord.js), and the tests read what the bot sent back through the callback route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/index.ts';
import { ALICE, BOB, autocomplete, buttonPress, messageFromReply, option, selectChoice, slashCommand } from '../../fakes/discord/payloads.ts';
import { limitProblems } from './limits.ts';
import { kb, router } from '../../support/core.ts';
import { componentsOf, embedOf, interact, startBot, unescape, type BotUnderTest } from './support.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot?.close();
});

const ask = (question: string, extra: ReturnType<typeof option.string>[] = [], user = ALICE) =>
  slashCommand({ applicationId: bot.fake.applicationId, name: 'ask', options: [option.string('question', question), ...extra], user });
const roadmap = (sub: string, extra: ReturnType<typeof option.string>[] = []) =>
  slashCommand({ applicationId: bot.fake.applicationId, name: 'roadmap', options: [option.subcommand(sub, extra)] });

/** A question whose Reply is an answer with related entries, found in whatever knowledge base is loaded. */
function answerWithRelated(): { question: string; reply: Reply } {
  for (const e of kb.entries) {
    const reply = router.answer(e.question);
    if (reply.kind === 'answer' && reply.actions.some((a) => a.role === 'related')) return { question: e.question, reply };
  }
  throw new Error(`no entry of the shipped knowledge base answers with related entries`);
}

/** A low-confidence question with suggestions: an entry's tag diluted with words the knowledge base does not know. */
function unsureQuestion(): { question: string; reply: Reply } {
  for (const e of kb.entries)
    for (const tag of e.tags)
      for (const noise of ['zebra', 'zebra quokka', 'zebra quokka marmalade']) {
        const question = `${tag} ${noise}`;
        const reply = router.answer(question);
        if (reply.kind === 'unsure' && reply.actions.some((a) => a.role === 'suggestion' && a.ref.startsWith('entry:'))) return { question, reply };
      }
  throw new Error(`no unsure question found in the shipped knowledge base`);
}

describe('/roadmap', () => {
  it('logs in with the Guilds intent only and learns its server from the gateway', () => {
    expect(bot.fake.gateway.identifies).toHaveLength(1);
    expect(bot.fake.gateway.identifies[0]?.intents).toBe(1); // GatewayIntentBits.Guilds, nothing privileged
    expect(bot.core.logLines.some((l) => l.includes('in 1 server'))).toBe(true);
  });

  it.each(router.stages.map((s) => [s.id, s.number] as const))('/roadmap %s shows stage %i as a card with navigation', async (id, number) => {
    const started = Date.now();
    const payload = roadmap(id);
    const body = await interact(bot.fake, payload);
    const callback = bot.fake.requests.find((r) => r.path.includes(payload.id));
    // Acknowledged well inside Discord's 3 seconds, and without the bot token (interaction routes use none).
    expect((callback?.at ?? Infinity) - started).toBeLessThan(3000);
    expect(callback?.authorization).toBeUndefined();
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(body.data)).toEqual([]);

    const stage = kb.stages.find((s) => s.id === id)!;
    const embed = embedOf(body);
    expect(embed.title).toContain(`Stage ${number}`);
    expect(unescape(embed.title)).toContain(stage.title);
    expect(embed.description.length).toBeGreaterThan(20);
    const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['What to learn', 'Resources', 'Milestone project', 'Typical time']));
    expect(unescape(fields['Typical time'])).toBe(stage.time);
    expect(fields.Resources).toContain(stage.resources[0]?.url);
    expect(embed.footer.text).toContain(stage.reviewed);

    const components = componentsOf(body);
    const previous = components.find((c) => c.label === 'Previous stage');
    const next = components.find((c) => c.label === 'Next stage');
    expect(Boolean(previous)).toBe(number > 1);
    expect(Boolean(next)).toBe(number < kb.stages.length);
    if (next) expect(next.custom_id).toMatch(/^.{1,100}$/);
    expect(components.find((c) => c.style === 5)?.url).toBe(stage.resources[0]?.url);
  });

  it('/roadmap <stage> takes the same private and for options', async () => {
    const stage = kb.stages[1]!;
    const aimed = await interact(bot.fake, roadmap(stage.id, [option.user('for', BOB.id)]));
    expect(aimed.data.content).toContain(`<@${BOB.id}>`);
    expect(aimed.data.allowed_mentions).toEqual({ parse: [], users: [BOB.id] });
    const hidden = await interact(bot.fake, roadmap(stage.id, [option.boolean('private', true)]));
    expect(hidden.data.flags).toBe(64);
    expect(embedOf(hidden).title).toContain(`Stage ${stage.number}`);
  });

  it('works in a direct message with the bot too', async () => {
    const payload = slashCommand({ applicationId: bot.fake.applicationId, name: 'roadmap', options: [option.subcommand(kb.stages[0]!.id)], dm: true });
    expect(embedOf(await interact(bot.fake, payload)).title).toContain('Stage 1');
  });

  it('/roadmap overview lists every stage', async () => {
    const body = await interact(bot.fake, roadmap('overview'));
    const embed = embedOf(body);
    expect(embed.title).toBe(router.overview().title);
    const text = unescape(embed.fields.map((f: any) => f.value).join('\n'));
    for (const s of kb.stages) expect(text).toContain(s.title);
  });

  it('"Next stage" updates the same message to the next stage, and "Previous stage" goes back', async () => {
    const first = kb.stages[0]!;
    const card = await interact(bot.fake, roadmap(first.id));
    const next = componentsOf(card).find((c) => c.label === 'Next stage');
    const press = buttonPress({ applicationId: bot.fake.applicationId, customId: next.custom_id, message: messageFromReply(card.data, bot.fake.botUser, bot.fake.applicationId) });
    const updated = await interact(bot.fake, press);
    expect(updated.type).toBe(7); // UPDATE_MESSAGE: the card changes in place
    expect(embedOf(updated).title).toContain(`Stage ${first.number + 1}`);
    expect(updated.data.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(updated.data)).toEqual([]);

    const back = componentsOf(updated).find((c) => c.label === 'Previous stage');
    const pressBack = buttonPress({ applicationId: bot.fake.applicationId, customId: back.custom_id, message: messageFromReply(updated.data, bot.fake.botUser, bot.fake.applicationId) });
    expect(embedOf(await interact(bot.fake, pressBack)).title).toContain(`Stage ${first.number}`);
  });
});

describe('/ask', () => {
  it('answers with an embed, its source in the footer, and related entries in a select menu', async () => {
    const { question, reply } = answerWithRelated();
    const body = await interact(bot.fake, ask(question));
    expect(body.type).toBe(4);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(body.data)).toEqual([]);
    const embed = embedOf(body);
    expect(unescape(embed.title)).toBe(reply.title);
    expect(embed.footer.text).toBe(`Source: ${reply.source?.id} · reviewed ${reply.source?.reviewed}`);
    const select = componentsOf(body).find((c) => c.type === 3);
    const related = reply.actions.filter((a) => a.role === 'related');
    expect(select.options.map((o: any) => o.value)).toEqual(related.map((a) => a.ref));
  });

  it('choosing a related entry opens it in a new message only the chooser sees', async () => {
    const { question, reply } = answerWithRelated();
    const answer = await interact(bot.fake, ask(question));
    const select = componentsOf(answer).find((c) => c.type === 3);
    const chosen = select.options[0];
    const choice = selectChoice({ applicationId: bot.fake.applicationId, user: BOB, customId: select.custom_id, values: [chosen.value], message: messageFromReply(answer.data, bot.fake.botUser, bot.fake.applicationId) });
    const opened = await interact(bot.fake, choice);
    expect(opened.type).toBe(4);
    expect(opened.data.flags).toBe(64);
    expect(unescape(embedOf(opened).title)).toBe(router.open(chosen.value).title);
    expect(embedOf(opened).title).not.toBe(embedOf(answer).title);
    expect(reply.actions.some((a) => a.ref === chosen.value)).toBe(true);
  });

  it('private:true answers only the asker (ephemeral)', async () => {
    const body = await interact(bot.fake, ask('stage 4', [option.boolean('private', true)]));
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.content ?? '').toBe('');
  });

  it('for:@member pings that member and nobody else', async () => {
    const body = await interact(bot.fake, ask('stage 4', [option.user('for', BOB.id)]));
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.content).toContain(`<@${BOB.id}>`);
    expect(body.data.allowed_mentions).toEqual({ parse: [], users: [BOB.id] });
  });

  it('for:@member with private:true does not notify the member', async () => {
    const body = await interact(bot.fake, ask('stage 4', [option.boolean('private', true), option.user('for', BOB.id)]));
    expect(body.data.flags).toBe(64);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.content).toContain('was not notified');
  });

  it('mention text in the question never pings anyone', async () => {
    const body = await interact(bot.fake, ask('@everyone @here <@300000000000000002> <@&1234> hello'));
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.content ?? '').not.toMatch(/@everyone|@here|<@/);
  });

  it('a low-confidence question shows the suggestions as buttons, and a suggestion opens its answer', async () => {
    const { question, reply } = unsureQuestion();
    const body = await interact(bot.fake, ask(question));
    expect(unescape(embedOf(body).title)).toBe(reply.title);
    const suggestion = reply.actions.find((a) => a.role === 'suggestion' && a.ref.startsWith('entry:'))!;
    const button = componentsOf(body).find((c) => c.type === 2 && c.custom_id?.endsWith(suggestion.ref));
    expect(button?.label).toBe(suggestion.label);
    const press = buttonPress({ applicationId: bot.fake.applicationId, customId: button.custom_id, message: messageFromReply(body.data, bot.fake.botUser, bot.fake.applicationId) });
    const opened = await interact(bot.fake, press);
    expect(opened.type).toBe(7);
    expect(unescape(embedOf(opened).title)).toBe(router.open(suggestion.ref).title);
  });

  it('autocompletes the question from the knowledge base: at most 25 choices of at most 100 characters', async () => {
    const entry = kb.entries[0]!;
    const typed = entry.question.split(/\s+/).slice(0, 3).join(' ');
    const expected = router.complete(typed);
    expect(expected.length).toBeGreaterThan(0);
    const payload = autocomplete({ applicationId: bot.fake.applicationId, name: 'ask', options: [option.string('question', typed, true)] });
    const body = await interact(bot.fake, payload);
    expect(body.type).toBe(8); // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    const choices = body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(choices.map((c) => c.value)).toEqual(expected.slice(0, 25).map((c) => c.value));
  });

  it('autocomplete on empty input still answers at once', async () => {
    const payload = autocomplete({ applicationId: bot.fake.applicationId, name: 'ask', options: [option.string('question', '', true)] });
    const body = await interact(bot.fake, payload);
    expect(body.type).toBe(8);
    expect(Array.isArray(body.data.choices)).toBe(true);
  });
});
