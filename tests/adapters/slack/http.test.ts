/**
 * The Slack adapter end to end in HTTP mode: signed requests into Bolt's real HTTP receiver
 * on a loopback port, answers read from the fake Slack Web API and response_urls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrottle, type Reply } from '../../../src/index.ts';
import { BOT_USER_ID, type ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appMention,
  buttonClick,
  directMessage,
  eventCallback,
  nextTs,
  postEvent,
  postForm,
  slashCommand,
} from '../../fakes/slack/requests.ts';
import { kb, router, testCore } from '../../support/core.ts';
import { BOT_TOKEN, SECRETS, SIGNING_SECRET } from './support/credentials.ts';
import { startHttpHarness, type HttpHarness } from './support/harness.ts';
import { allTexts, buttonByValue, buttons, headerText, unescapeSlack } from './support/inspect.ts';

const signing = { secret: SIGNING_SECRET };
const title = (blocks: unknown) => unescapeSlack(headerText(blocks));

/** An entry whose answer offers related entries, found in whatever knowledge base is loaded. */
function answerWithRelated(): { question: string; reply: Reply } {
  for (const e of kb.entries) {
    const reply = router.answer(e.question);
    if (reply.kind === 'answer' && reply.actions.some((a) => a.role === 'related')) return { question: e.question, reply };
  }
  throw new Error('the knowledge base has no answer with related entries');
}

describe("Slack adapter over Bolt's HTTP receiver", () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends a fresh mention and waits for its answer, proving everything sent before was processed. */
  async function settle(): Promise<void> {
    const event = appMention('hello', { channel: 'C0SENTINEL' });
    await postEvent(h.eventsUrl, eventCallback(event), signing);
    await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
    await new Promise((r) => setTimeout(r, 100));
  }

  const postsIn = (threadTs: unknown) => h.fake.apiCalls('chat.postMessage').filter((c) => c.params.thread_ts === threadTs);

  it('answers a mention in a thread under the message, with blocks and a fallback text', async () => {
    const event = appMention('what comes after git?');
    const res = await postEvent(h.eventsUrl, eventCallback(event), signing);
    expect(res.status).toBe(200);
    const post = await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
    const expected = router.answer('what comes after git?');
    expect(post.params.channel).toBe('C0STUDY');
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(title(post.params.blocks)).toBe(expected.title);
    expect(String(post.params.text)).toContain(expected.title.slice(0, 20));
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const parent = nextTs();
    const event = appMention('stage 4', { threadTs: parent });
    await postEvent(h.eventsUrl, eventCallback(event), signing);
    const post = await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === parent);
    expect(title(post.params.blocks)).toBe(router.answer('stage 4').title);
    expect(postsIn(event.ts)).toHaveLength(0);
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const event = directMessage('roadmap', { channel: 'D0DIRECT1' });
    await postEvent(h.eventsUrl, eventCallback(event), signing);
    const post = await h.fake.waitForApi('chat.postMessage', (c) => c.params.channel === 'D0DIRECT1');
    expect(post.params.thread_ts).toBeUndefined();
    expect(title(post.params.blocks)).toBe(router.answer('roadmap').title);
  });

  it('answers a DM that also mentions the bot once, through the DM listener', async () => {
    const dm = directMessage('stage 3', { channel: 'D0DIRECT3' });
    await postEvent(h.eventsUrl, eventCallback({ ...appMention('stage 3', { channel: 'D0DIRECT3' }), ts: dm.ts, event_ts: dm.ts }), signing);
    await postEvent(h.eventsUrl, eventCallback(dm), signing);
    await settle();
    expect(h.fake.apiCalls('chat.postMessage').filter((c) => c.params.channel === 'D0DIRECT3')).toHaveLength(1);
  });

  it('answers a direct message written in a thread in that thread', async () => {
    const parent = nextTs();
    await postEvent(h.eventsUrl, eventCallback(directMessage('stage 2', { channel: 'D0DIRECT2', threadTs: parent })), signing);
    const post = await h.fake.waitForApi('chat.postMessage', (c) => c.params.channel === 'D0DIRECT2');
    expect(post.params.thread_ts).toBe(parent);
  });

  describe('/roadmap', () => {
    const stage = kb.stages[3] ?? kb.stages[0];
    const forms: [string, string][] = [
      ['the overview', ''],
      ['a stage by id', stage?.id ?? ''],
      ['a stage by number', String(stage?.number ?? 1)],
      ['a stage by name', stage?.title ?? ''],
      ['any question', 'mongo or postgres for my first app??'],
    ];
    for (const [name, arg] of forms)
      it(`acks at once, then answers ${name} privately with a share button (/roadmap ${arg})`, async () => {
        const id = `roadmap-${name}`;
        const started = Date.now();
        const res = await postForm(h.eventsUrl, slashCommand(arg, h.fake.responseUrl(id)), signing);
        expect(res).toEqual({ status: 200, body: '' });
        expect(Date.now() - started).toBeLessThan(3000);
        const { body } = await h.fake.waitForResponse(id);
        const expected = router.roadmap(arg);
        expect(body.response_type).toBe('ephemeral');
        expect(title(body.blocks)).toBe(expected.title);
        expect(typeof body.text).toBe('string');
        expect(buttonByValue(body.blocks, `roadmap:${arg}`).action_id).toBe('roadmap_share');
        expect(allTexts(body.blocks).some((t) => unescapeSlack(t) === `Asked: /roadmap ${arg}`.trim())).toBe(true);
      });

    it('names a stage card by the stage id the core chose', () => {
      expect(router.roadmap(stage?.id ?? '').id).toBe(stage?.id);
      expect(router.roadmap(String(stage?.number)).id).toBe(stage?.id);
    });
  });

  describe('buttons', () => {
    it('"next stage" on a private answer replaces it with the next stage, still private', async () => {
      const first = kb.stages[0];
      const second = kb.stages[1];
      if (!first || !second) throw new Error('need two stages');
      const id = 'nav-next';
      await postForm(h.eventsUrl, slashCommand(first.id, h.fake.responseUrl(id)), signing);
      const shown = await h.fake.waitForResponse(id);
      const next = buttons(shown.body.blocks).find((b) => b.text.text.endsWith('→'));
      expect(next?.value).toBe(router.roadmap(first.id).actions.find((a) => a.role === 'next')?.ref);

      const res = await postForm(h.eventsUrl, buttonClick(next!, { responseUrl: h.fake.responseUrl(id), message: { ephemeral: true } }), signing);
      expect(res.status).toBe(200);
      const replaced = await h.fake.waitForResponse(id, (r) => r.body.replace_original === true);
      expect(replaced.body.response_type).toBe('ephemeral');
      expect(title(replaced.body.blocks)).toBe(router.open(next!.value!).title);
      expect(title(replaced.body.blocks)).toContain(second.title);
      expect(buttonByValue(replaced.body.blocks, `ref:${next!.value}`).action_id).toBe('roadmap_share');
    });

    it('a related entry on a public answer is answered in that thread', async () => {
      const { question, reply } = answerWithRelated();
      const event = appMention(question);
      await postEvent(h.eventsUrl, eventCallback(event), signing);
      const answer = await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
      const related = reply.actions.find((a) => a.role === 'related')!;
      const button = buttonByValue(answer.params.blocks, related.ref);

      const botMessageTs = nextTs();
      await postForm(
        h.eventsUrl,
        buttonClick(button, { responseUrl: h.fake.responseUrl('related'), message: { ephemeral: false, ts: botMessageTs, threadTs: event.ts as string } }),
        signing,
      );
      const followUp = await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts && c !== answer);
      expect(followUp.params.channel).toBe('C0STUDY');
      expect(title(followUp.params.blocks)).toBe(router.open(related.ref).title);
      expect(h.fake.responses('related')).toHaveLength(0);
    });

    it('"Share in channel" posts the answer publicly, credits the user, then removes the private copy', async () => {
      const id = 'share';
      const question = 'mongo or postgres for my first app??';
      await postForm(h.eventsUrl, slashCommand(question, h.fake.responseUrl(id), 'U0SHARER'), signing);
      const shown = await h.fake.waitForResponse(id);
      const share = buttonByValue(shown.body.blocks, `roadmap:${question}`);

      await postForm(h.eventsUrl, buttonClick(share, { responseUrl: h.fake.responseUrl(id), user: 'U0SHARER', message: { ephemeral: true } }), signing);
      const shared = await h.fake.waitForResponse(id, (r) => r.body.response_type === 'in_channel');
      const deleted = await h.fake.waitForResponse(id, (r) => r.body.delete_original === true);
      expect(shared.body.replace_original).toBe(false);
      expect(title(shared.body.blocks)).toBe(router.roadmap(question).title);
      expect(allTexts(shared.body.blocks)).toContain('Shared by <@U0SHARER>');
      expect(buttons(shared.body.blocks).some((b) => b.action_id === 'roadmap_share')).toBe(false);
      expect(h.fake.responses(id).indexOf(shared)).toBeLessThan(h.fake.responses(id).indexOf(deleted));
    });
  });

  it('escapes what users type, so it can never form a mention or a broadcast', async () => {
    const id = 'hostile';
    const typed = '<!channel> & <@U0VICTIM> @here <https://evil.example|click>';
    await postForm(h.eventsUrl, slashCommand(typed, h.fake.responseUrl(id)), signing);
    const { body } = await h.fake.waitForResponse(id);
    const asked = allTexts(body.blocks).find((t) => t.startsWith('Asked:'));
    expect(asked).toBe('Asked: /roadmap &lt;!channel&gt; &amp; &lt;@U0VICTIM&gt; @\u2060here &lt;https://evil.example|click&gt;');
    expect(JSON.stringify(body)).not.toMatch(/<!|<@U0VICTIM|<https:\/\/evil/);
  });

  describe('answers each event once', () => {
    it('skips a retry (X-Slack-Retry-Num) and a repeated event_id', async () => {
      const event = appMention('stage 3', { channel: 'C0RETRY' });
      const body = eventCallback(event, 'EvRETRY0001');
      expect((await postEvent(h.eventsUrl, body, signing)).status).toBe(200);
      await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
      expect((await postEvent(h.eventsUrl, body, { ...signing, retryNum: 1 })).status).toBe(200);
      expect((await postEvent(h.eventsUrl, body, signing)).status).toBe(200);
      await settle();
      expect(postsIn(event.ts)).toHaveLength(1);
    });

    it('skips a retry even of an event this process never saw', async () => {
      const event = appMention('stage 5', { channel: 'C0RETRY' });
      expect((await postEvent(h.eventsUrl, eventCallback(event), { ...signing, retryNum: 2 })).status).toBe(200);
      await settle();
      expect(postsIn(event.ts)).toHaveLength(0);
    });
  });

  it('ignores other bots, itself, and messages that are not questions', async () => {
    const ignored = [
      appMention('stage 1', { botId: 'B0OTHERBOT' }),
      directMessage('stage 1', { botId: 'B0OTHERBOT', subtype: 'bot_message' }),
      directMessage('stage 1', { user: BOT_USER_ID }),
      directMessage('stage 1', { subtype: 'message_changed' }),
      { ...directMessage('stage 1'), channel_type: 'channel', channel: 'C0STUDY' },
    ];
    for (const event of ignored) expect((await postEvent(h.eventsUrl, eventCallback(event), signing)).status).toBe(200);
    await settle();
    const ts = new Set(ignored.map((e) => e.ts));
    const answered = h.fake.apiCalls().filter((c) => ts.has(c.params.thread_ts) || (c.params.channel === 'D0STUDENT' && c.method.startsWith('chat.')));
    expect(answered).toEqual([]);
  });

  describe('request verification', () => {
    const body = () => eventCallback(appMention('stage 6', { channel: 'C0FORGED' }));
    const reachedChannel = () => h.fake.apiCalls().filter((c: ApiCall) => c.params.channel === 'C0FORGED');

    it('refuses a bad signature with 401, logs it, and posts nothing', async () => {
      const res = await postEvent(h.eventsUrl, body(), { ...signing, signature: `v0=${'0'.repeat(64)}` });
      expect(res.status).toBe(401);
      const wrongSecret = await postEvent(h.eventsUrl, body(), { secret: 'not-the-signing-secret' });
      expect(wrongSecret.status).toBe(401);
      await settle();
      expect(reachedChannel()).toEqual([]);
      expect(h.core.logLines.some((l) => l.startsWith('[warn]') && /verify/i.test(l))).toBe(true);
    });

    it('refuses a correctly signed request with a stale timestamp (over 5 minutes old)', async () => {
      const res = await postEvent(h.eventsUrl, body(), { ...signing, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(res.status).toBe(401);
      await settle();
      expect(reachedChannel()).toEqual([]);
    });

    it("answers Slack's Request URL challenge", async () => {
      const res = await postEvent(h.eventsUrl, { type: 'url_verification', token: 't', challenge: 'challenge-123' }, signing);
      expect(res.status).toBe(200);
      expect(res.body).toContain('challenge-123');
    });
  });

  it('never sent anything that could ping: every "<" opens a link or the sharer credit', () => {
    const sent = h.fake.recorded.flatMap((r) => allTexts(r.kind === 'api' ? r.params : r.body));
    expect(sent.length).toBeGreaterThan(20);
    for (const text of sent) for (const m of text.matchAll(/<[^>]*>?/g)) expect(m[0]).toMatch(/^<https:\/\/[^|<>\s]+\|[^<>]*>$|^<@U0SHARER>$/);
  });

  it('never logged the bot token', () => {
    expect(h.core.logLines.join('\n')).not.toContain(BOT_TOKEN);
  });
});

describe('Slack adapter throttling (core.throttle, key slack:<user>)', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness(testCore({ secrets: SECRETS, throttle: createThrottle({ capacity: 2, refillMs: 60_000 }) }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a flooding user with a private "slow down" note and keeps answering others', async () => {
    const flood = [1, 2, 3].map(() => appMention('stage 1', { user: 'U0FLOOD', channel: 'C0FLOOD' }));
    for (const event of flood) await postEvent(h.eventsUrl, eventCallback(event), signing);
    const note = await h.fake.waitForApi('chat.postEphemeral');
    expect(note.params).toMatchObject({ channel: 'C0FLOOD', user: 'U0FLOOD' });
    expect(String(note.params.text)).toMatch(/Try again in \d+ seconds?/);

    const other = appMention('stage 1', { user: 'U0CALM', channel: 'C0FLOOD' });
    await postEvent(h.eventsUrl, eventCallback(other), signing);
    await h.fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === other.ts);
    expect(h.fake.apiCalls('chat.postMessage').filter((c) => c.params.channel === 'C0FLOOD')).toHaveLength(3);
    expect(h.fake.apiCalls('chat.postEphemeral')).toHaveLength(1);

    await postForm(h.eventsUrl, slashCommand('', h.fake.responseUrl('flood'), 'U0FLOOD'), signing);
    const { body } = await h.fake.waitForResponse('flood');
    expect(body.response_type).toBe('ephemeral');
    expect(buttons(body.blocks)).toEqual([]);
    expect(String(body.text)).toMatch(/Try again/);
  });
});
