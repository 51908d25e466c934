/**
 * The knowledge base the Slack tests run on: the shipped one when it validates, else the
 * fixture under tests/fixtures/slack-kb (the shipped one is still being written). Test names
 * say which, so a run never hides what it checked.
 */
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeBaseError,
  createLogger,
  createRouter,
  createThrottle,
  loadKnowledgeBase,
  type CoreServices,
  type KnowledgeBase,
} from '../../../../src/index.ts';

export const FIXTURE_KB_DIR = fileURLToPath(new URL('../../../fixtures/slack-kb', import.meta.url));

function load(): { kb: KnowledgeBase; source: 'shipped' | 'fixture' } {
  try {
    return { kb: loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR), source: 'shipped' };
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    return { kb: loadKnowledgeBase(FIXTURE_KB_DIR), source: 'fixture' };
  }
}

export const { kb, source: kbSource } = load();
export const router = createRouter(kb);

/** Core services for the adapter under test: a generous throttle unless one is given, a logger that records lines. */
export function slackTestCore(overrides: Partial<CoreServices> = {}): CoreServices & { logLines: string[] } {
  const logLines: string[] = [];
  return {
    router,
    throttle: createThrottle({ capacity: 1000, refillMs: 1 }),
    log: createLogger({ level: 'debug', write: (line) => logLines.push(line), secrets: [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET] }),
    logLines,
    ...overrides,
  };
}

export const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';
export const APP_TOKEN = 'xapp-1-A0000001-3333-testapptoken';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
