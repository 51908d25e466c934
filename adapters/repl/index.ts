/**
 * The local REPL: talk to the bot in a terminal with no account, token or network. Like
 * Hubot's shell adapter it takes its streams as parameters, so tests drive it with
 * in-memory streams, and it works with piped stdin.
 *
 *   /roadmap [stage]   the overview, or one stage by id, number or name
 *   /ask <question>    or just type the question
 *   1, 2, 3            open an action offered by the last reply
 *   /help, /quit       (Ctrl-D works too)
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Action, CoreServices, Reply, RunningAdapter } from '../../src/index.ts';
import { COLOR, NO_COLOR, renderReply } from './render.ts';

export interface ReplOptions {
  input: Readable;
  output: Writable;
  /** Colour output; default: only when output is a TTY and NO_COLOR is unset. */
  color?: boolean;
  /** Show a prompt and keep history (interactive terminal); default: input is a TTY. */
  terminal?: boolean;
}

export interface RunningRepl extends RunningAdapter {
  /** Resolves when the user quits or input ends. */
  closed: Promise<void>;
}

const MAX_LINE = 4000;

export function startRepl(core: CoreServices, options: ReplOptions): RunningRepl {
  const isTty = (s: unknown) => Boolean((s as { isTTY?: boolean }).isTTY);
  const terminal = options.terminal ?? isTty(options.input);
  const color = options.color ?? (isTty(options.output) && !('NO_COLOR' in process.env));
  const style = color ? COLOR : NO_COLOR;
  const rl = createInterface({ input: options.input, output: options.output, terminal, historySize: 200, crlfDelay: Infinity });
  const write = (text: string) => options.output.write(`${text}\n`);
  let lastActions: Action[] = [];

  const show = (reply: Reply) => {
    lastActions = reply.actions;
    write(`\n${renderReply(reply, style)}\n`);
  };

  /** Maps one typed line to a reply; null means quit. */
  const handle = (line: string): Reply | null => {
    const text = line.slice(0, MAX_LINE).trim();
    const [command = '', ...rest] = text.split(/\s+/);
    const arg = rest.join(' ');
    switch (command.toLowerCase()) {
      case '/quit':
      case '/exit':
      case '/q':
        return null;
      case '/help':
        return core.router.help();
      case '/roadmap':
        return core.router.roadmap(arg);
      case '/ask':
        return core.router.answer(arg);
    }
    if (/^\d{1,2}$/.test(text) && lastActions.length) {
      const action = lastActions[Number(text) - 1];
      if (action) return core.router.open(action.ref);
    }
    return core.router.answer(text);
  };

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  // readline still emits the lines it had already read after close(): "/quit\nmore" must not answer "more".
  let done = false;
  rl.on('close', () => {
    done = true;
    if (terminal) write('\nBye!');
    resolveClosed();
  });

  if (terminal) {
    write(style.bold('roadmap-bot') + style.dim(' — ask a backend question, /roadmap for the stages, /help, /quit'));
    rl.setPrompt(style.accent('you> '));
    rl.prompt();
  }
  rl.on('line', (line) => {
    if (done) return;
    if (!line.trim()) {
      if (terminal) rl.prompt();
      return;
    }
    let reply: Reply | null;
    try {
      reply = handle(line);
    } catch (error) {
      core.log.error('REPL handler failed', error);
      reply = core.router.answer('');
    }
    if (reply === null) {
      rl.close();
      return;
    }
    show(reply);
    if (terminal) rl.prompt();
  });

  return {
    name: 'repl',
    closed,
    async stop() {
      rl.close();
      await closed;
    },
  };
}
