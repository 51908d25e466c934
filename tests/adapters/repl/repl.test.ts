import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startRepl, type ReplOptions } from '../../../adapters/repl/index.ts';
import { NO_COLOR, renderReply } from '../../../adapters/repl/render.ts';
import { createLogger, createRouter, createThrottle, loadKnowledgeBase, makeReply, type CoreServices, type Reply, type Router } from '../../../src/index.ts';
import { removeTempDirs, syntheticKbDir } from '../../support/fixtures.ts';

afterAll(removeTempDirs);

const router = createRouter(loadKnowledgeBase(syntheticKbDir()));
const logLines: string[] = [];
const core = (r: Router = router): CoreServices => ({
  router: r,
  throttle: createThrottle({ capacity: 1000, refillMs: 1 }),
  log: createLogger({ level: 'debug', write: (l) => logLines.push(l) }),
});

/** What the REPL prints for one reply in piped mode. */
const shown = (reply: Reply) => `\n${renderReply(reply, NO_COLOR)}\n\n`;

/** Feeds `text` to a REPL, ends the input unless told not to, and returns everything it printed once it closed. */
async function session(text: string, options: Partial<ReplOptions> & { end?: boolean; services?: CoreServices } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const repl = startRepl(options.services ?? core(), { input, output, color: options.color ?? false, terminal: options.terminal ?? false });
  input.write(text);
  if (options.end !== false) input.end();
  await repl.closed;
  return out;
}

const ESC = /[\u001b\u009b]/;

describe('REPL, piped', () => {
  it('answers each line with the rendered reply, and nothing else', async () => {
    const lines = ['roadmap', 'stage 4', 'what should i learn first for a backend job', 'zzzz qqqq'];
    const out = await session(lines.map((l) => `${l}\n`).join(''));
    expect(out).toBe(lines.map((l) => shown(router.answer(l))).join(''));
    expect(out).not.toMatch(ESC);
  });

  it('runs /roadmap, /roadmap 4, /ask and /help', async () => {
    const out = await session('/roadmap\n/roadmap 4\n/ask how do i deploy my api\n/help\n/ROADMAP   databases\n');
    expect(out).toBe([router.roadmap(''), router.roadmap('4'), router.answer('how do i deploy my api'), router.help(), router.roadmap('databases')].map(shown).join(''));
    expect(out).toContain('The backend roadmap');
    expect(out).toContain('Stage 4: ');
  });

  it('opens an action of the previous reply by its number', async () => {
    const stage4 = router.roadmap('4');
    const next = stage4.actions[1];
    expect(next?.ref).toBe('stage:servers-apis');
    const out = await session('/roadmap 4\n2\n9\n');
    const stage5 = router.open(next?.ref ?? '');
    // "9" is beyond the five-stage card's actions, so it is read as text.
    expect(out).toBe([stage4, stage5, router.answer('9')].map(shown).join(''));
    expect(out).toContain('Stage 5: ');
  });

  it('reads a number as text when there was no reply before it', async () => {
    expect(await session('1\n')).toBe(shown(router.answer('1')));
  });

  it('ignores blank lines', async () => {
    expect(await session('\n   \n\t\n')).toBe('');
  });

  it.each(['/quit', '/exit', '/q', '/QUIT'])('%s ends the session, even with input left', async (quit) => {
    const out = await session(`/help\n${quit}\n/roadmap\n`, { end: false });
    expect(out).toBe(shown(router.help()));
  });

  it('resolves `closed` at the end of input', async () => {
    expect(await session('', { end: true })).toBe('');
  });

  it('stop() closes it, and may be called twice', async () => {
    const input = new PassThrough();
    const repl = startRepl(core(), { input, output: new PassThrough(), color: false, terminal: false });
    await repl.stop();
    await repl.stop();
    await expect(repl.closed).resolves.toBeUndefined();
    expect(repl.name).toBe('repl');
  });

  it('prints no colour codes when colour is off, and does when it is on', async () => {
    const text = '/roadmap\n/roadmap 1\n1\n/help\nhow do i learn sql\n';
    expect(await session(text, { color: false })).not.toMatch(ESC);
    expect(await session(text, { color: true })).toContain('\u001b[1m');
  });

  it('cuts very long lines before routing them', async () => {
    const seen: string[] = [];
    const recording: Router = { ...router, answer: (q) => (seen.push(q), router.answer(q)) };
    await session(`${'word '.repeat(20_000)}\n`, { services: core(recording) });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.length).toBeLessThanOrEqual(4000);
  });

  it('logs a failing handler and still replies', async () => {
    const failing: Router = {
      ...router,
      answer: (q) => {
        if (q === 'boom') throw new Error('router exploded');
        return router.answer(q);
      },
    };
    const before = logLines.length;
    const out = await session('boom\nroadmap\n', { services: core(failing) });
    expect(out).toBe([router.answer(''), router.answer('roadmap')].map(shown).join(''));
    expect(logLines.slice(before).join('\n')).toContain('router exploded');
  });
});

describe('REPL, hostile input', () => {
  // A router that echoes the user's text into every field of its reply: the worst case for the renderer.
  const echo: Router = {
    ...router,
    answer: (q) =>
      makeReply({
        kind: 'unsure',
        title: q,
        body: `${q}\n\n- **${q}** \`${q}\` [${q}](https://example.org/${encodeURIComponent(q)})`,
        sections: [{ heading: q, body: `- ${q}` }],
        links: [{ title: q, url: `https://example.org/${q}` }],
        actions: [{ label: q, ref: 'overview', role: 'suggestion' }],
      }),
  };
  const hostile = [
    'red \u001b[31mALERT\u001b[0m text',
    'clear \u001b[2J\u001b[H screen',
    'title \u001b]0;pwned\u0007 bell',
    'c1 \u009b31m csi',
    'cursor \u001b[10A\u001b[999C up',
    'nul \u0000 del \u007f bs \u0008\u0008',
  ];

  it.each([false, true])('never prints an escape sequence from the input raw (color %s)', async (color) => {
    const out = await session(hostile.map((l) => `${l}\n`).join(''), { color, services: core(echo) });
    expect(out).toContain('ALERT');
    for (const seq of ['\u001b[31mALERT', '\u001b[2J', '\u001b]0;', '\u0007', '\u009b', '\u001b[10A', '\u0000', '\u007f', '\u0008']) expect(out).not.toContain(seq);
    if (!color) expect(out).not.toMatch(ESC);
  });

  it('with the real router, hostile lines are answered without echoing control characters', async () => {
    const out = await session(hostile.map((l) => `${l}\n`).join(''));
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toBe(hostile.map((l) => shown(router.answer(l))).join(''));
  });
});

describe('REPL, terminal', () => {
  it('shows a banner and a prompt, prompts again after each reply, and says bye', async () => {
    const out = await session('roadmap\n', { terminal: true });
    expect(out).toContain('roadmap-bot');
    expect(out.split('you> ').length - 1).toBeGreaterThanOrEqual(2);
    expect(out).toContain('The backend roadmap');
    expect(out.trimEnd().endsWith('Bye!')).toBe(true);
  });

  it('shows no prompt when piped', async () => {
    const out = await session('roadmap\n');
    expect(out).not.toContain('you> ');
    expect(out).not.toContain('Bye!');
  });
});
