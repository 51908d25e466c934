/** The shipped knowledge base and a router over it, loaded once per test file. */
import { DEFAULT_KNOWLEDGE_DIR, createRouter, createThrottle, createLogger, loadKnowledgeBase, type CoreServices } from '../../src/index.ts';

export const kb = loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
export const router = createRouter(kb);

/** Core services plus the lines their logger wrote. */
export type TestCore = CoreServices & { logLines: string[] };

/**
 * Core services for an adapter under test: a generous throttle unless one is given, a quiet
 * logger that records lines (redacting `secrets`, as the launcher's logger does).
 */
export function testCore({ secrets, ...overrides }: Partial<CoreServices> & { secrets?: string[] } = {}): TestCore {
  const logLines: string[] = [];
  return {
    router,
    throttle: createThrottle({ capacity: 1000, refillMs: 1 }),
    log: createLogger({ level: 'debug', write: (line) => logLines.push(line), secrets }),
    logLines,
    ...overrides,
  };
}
