/**
 * The core's one public entry: everything an adapter or script needs, and nothing of how
 * it is built. Adapters render Replies; they never route or read knowledge themselves.
 */
export type { Reply, ReplyKind, Section, Link, Action, Source } from './reply.ts';
export { makeReply } from './reply.ts';
export type { Router, AskContext, Completion, StageInfo, GateOptions, RouterOptions } from './router.ts';
export { createRouter, DEFAULT_GATE } from './router.ts';
export { throttledReply, errorReply } from './replies.ts';
export type { KnowledgeBase, Entry, Stage, DeclineEntry } from './knowledge/types.ts';
export { ANSWER_LIMIT } from './knowledge/types.ts';
export { loadKnowledgeBase, KnowledgeBaseError, formatProblems, type Problem } from './knowledge/load.ts';
export { STAGE_IDS, TOPIC_IDS, type StageId, type TopicId } from './knowledge/topics.ts';
export { createThrottle, type Throttle, type ThrottleOptions, type ThrottleDecision } from './throttle.ts';
export { loadSettings, secretsOf, DEFAULT_KNOWLEDGE_DIR, type Settings, type DiscordSettings, type SlackSettings } from './config.ts';
export { createLogger, redact, type Logger, type LogLevel } from './log.ts';
export { parseMarkdown, parseInline, renderMarkdown, renderInlines, toPlainText, truncate, PLAIN, type Dialect, type Block, type Inline } from './text/markdown.ts';
export { replyToText } from './text/plain.ts';
export { loadRouter, DEFAULT_CACHE_DIR, type Loaded, type StartupOptions } from './startup.ts';
export { AdapterStartError, type CoreServices, type RunningAdapter } from './adapter.ts';
