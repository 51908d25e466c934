/** Loads the knowledge base for a script, or prints its problems and exits 1. */
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeBaseError, loadRouter, type KnowledgeBase, type Router } from '../src/index.ts';

export function loadCoreOrExit(dir = process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR): { kb: KnowledgeBase; router: Router } {
  try {
    const { kb, router } = loadRouter(dir);
    return { kb, router };
  } catch (error) {
    if (error instanceof KnowledgeBaseError) {
      process.stderr.write(`${error.message}\nThe bot will not start on a knowledge base with problems.\n`);
      process.exit(1);
    }
    throw error;
  }
}
