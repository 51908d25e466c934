/** `npm run kb:check [dir]`: validates the knowledge base and lists every problem; exit 1 on any. */
import './stdout-pipe.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/config.ts';
import { KnowledgeBaseError, loadKnowledgeBase } from '../src/knowledge/load.ts';
import { TOPIC_IDS } from '../src/knowledge/topics.ts';

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
try {
  const kb = loadKnowledgeBase(dir);
  const perTopic = TOPIC_IDS.map((t) => `${t} ${kb.entries.filter((e) => e.topic === t).length}`).join(', ');
  console.log(`Knowledge base OK: ${kb.stages.length} stages, ${kb.entries.length} entries, ${kb.declines.length} declines, ${Object.keys(kb.synonyms).length} synonym groups.`);
  console.log(`Entries per topic: ${perTopic}`);
} catch (error) {
  if (error instanceof KnowledgeBaseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
