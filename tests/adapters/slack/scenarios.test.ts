/**
 * The shared conversation scenarios (tests/scenarios/conversations.yaml) through Slack's real
 * plumbing: an `ask` is an @mention in a channel, a `roadmap` is the `/roadmap` argument. The
 * core's reply must match the scenario, and what reached the fake Slack must show that reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreReply, loadScenarios, mismatches } from '../../scenarios/scenarios.ts';
import { appMention, eventCallback, postEvent, postForm, slashCommand } from '../../fakes/slack/requests.ts';
import { router } from '../../support/core.ts';
import { SIGNING_SECRET } from './support/credentials.ts';
import { startHttpHarness, type HttpHarness } from './support/harness.ts';
import { allTexts, headerText, unescapeSlack } from './support/inspect.ts';

const signing = { secret: SIGNING_SECRET };

describe('conversation scenarios through Slack', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  loadScenarios().forEach((s, i) =>
    it(s.name, async () => {
      const reply = coreReply(router, s);
      // Soft: a core mismatch fails the test, but the Slack half below still runs and reports.
      expect.soft(mismatches(reply, s), 'the core reply does not match the scenario').toEqual([]);

      let received: { blocks: unknown; text: unknown };
      if (s.ask !== undefined) {
        const event = appMention(s.ask, { channel: `C0SCEN${i}` });
        expect((await postEvent(h.eventsUrl, eventCallback(event), signing)).status).toBe(200);
        const post = await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
        expect(post.params.channel).toBe(`C0SCEN${i}`);
        received = { blocks: post.params.blocks, text: post.params.text };
      } else {
        const id = `scenario-${i}`;
        expect(await postForm(h.eventsUrl, slashCommand(s.roadmap ?? '', h.fake.responseUrl(id)), signing)).toEqual({ status: 200, body: '' });
        const { body } = await h.fake.waitForResponse(id);
        expect(body.response_type).toBe('ephemeral');
        received = { blocks: body.blocks, text: body.text };
      }

      expect(unescapeSlack(headerText(received.blocks))).toBe(reply.title);
      expect(unescapeSlack(String(received.text))).toContain(reply.title);
      if (reply.source) expect(allTexts(received.blocks)).toContain(`Source: \`${reply.source.id}\` · reviewed ${reply.source.reviewed}`);
      expect(JSON.stringify(received)).not.toMatch(/<!|<@/);
    }),
  );
});
