/**
 * Runs after `npm install`: validates and indexes the knowledge base once, so the first
 * `npm start` answers as fast as every later one. It never fails the install: problems in
 * the knowledge base are reported here and again, in full, when the bot starts.
 */
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeBaseError, loadRouter } from '../src/index.ts';

try {
  const { kb, fromCache } = loadRouter(process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR);
  console.log(`roadmap-bot: knowledge base ${fromCache ? 'already indexed' : 'indexed'} (${kb.entries.length} entries).`);
} catch (error) {
  const detail = error instanceof KnowledgeBaseError ? `${error.problems.length} problem(s); run npm run kb:check` : (error as Error).message;
  console.log(`roadmap-bot: the knowledge base was not indexed (${detail}).`);
}
