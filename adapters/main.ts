/**
 * The launcher behind `npm start`: reads settings (.env is optional), loads and validates
 * the knowledge base, then starts every adapter whose settings are present, or the
 * terminal REPL when none are. Problems the user can fix are printed as one line each,
 * never as a stack trace, and never with a secret in them.
 */
import { config as loadDotenv } from 'dotenv';
import {
  AdapterStartError,
  KnowledgeBaseError,
  createLogger,
  createThrottle,
  loadRouter,
  loadSettings,
  redact,
  secretsOf,
  type CoreServices,
  type RunningAdapter,
} from '../src/index.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

loadDotenv({ quiet: true });
const { settings, problems } = loadSettings();
if (problems.length) fail(`Cannot start: check your .env\n${problems.map((p) => `  - ${p}`).join('\n')}`);

const secrets = secretsOf(settings);
const log = createLogger({ level: settings.logLevel, secrets });

let core: CoreServices;
try {
  const { router } = loadRouter(settings.knowledgeDir);
  core = { router, throttle: createThrottle(), log };
} catch (error) {
  if (error instanceof KnowledgeBaseError) fail(`${error.message}\nThe bot will not start on a knowledge base with problems. Run npm run kb:check after fixing.`);
  throw error;
}

const running: RunningAdapter[] = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.allSettled(running.map((a) => a.stop()));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function start(name: string, begin: () => Promise<RunningAdapter>): Promise<void> {
  try {
    running.push(await begin());
    log.info(`${name} adapter started`);
  } catch (error) {
    const message = error instanceof AdapterStartError ? error.message : `${name} failed to start: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`${redact(message, secrets)}\n`);
    await stopAll(1);
  }
}

if (settings.discord || settings.slack) {
  if (settings.discord) {
    const discord = settings.discord;
    await start('Discord', async () => (await import('./discord/index.ts')).startDiscord(core, discord));
  }
  if (settings.slack) {
    const slack = settings.slack;
    await start('Slack', async () => (await import('./slack/index.ts')).startSlack(core, slack));
  }
} else {
  const { startRepl } = await import('./repl/index.ts');
  const repl = startRepl(core, { input: process.stdin, output: process.stdout });
  running.push(repl);
  await repl.closed;
  await stopAll(0);
}
