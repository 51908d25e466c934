/**
 * The fifteen topic ids (shared/eval/TOPICS.md). The first twelve are roadmap stages, in
 * learning order; the last three have no stage of their own.
 */
export const STAGE_IDS = [
  'fundamentals',
  'web-basics',
  'languages',
  'databases',
  'servers-apis',
  'version-control',
  'frameworks',
  'security',
  'testing',
  'deployment',
  'continuous-learning',
  'portfolio',
] as const;

export const EXTRA_TOPIC_IDS = ['overview', 'performance', 'career'] as const;

export const TOPIC_IDS = [...STAGE_IDS, ...EXTRA_TOPIC_IDS] as const;

export type StageId = (typeof STAGE_IDS)[number];
export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}
