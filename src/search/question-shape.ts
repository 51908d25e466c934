/**
 * The shape of a question: asking for a definition ("what is X"), a comparison ("X vs Y"),
 * or a procedure ("how do I X"). An entry written as the same shape of question is more
 * likely the one wanted: "what's an endpoint" wants the definition, not "how do I test
 * my endpoints".
 */
export type QuestionShape = 'define' | 'compare' | 'howto' | 'other';

const COMPARE = /\b(?:vs\.?|versus|difference|differences|differ|compared?|comparison|better than|or should i)\b/;
const DEFINE = /^(?:so |ok |okay )?(?:what(?:'s|s| is| are| exactly is)|define|meaning of|explain)\b|\bwhat does .{1,40} (?:mean|stand for)\b|\bwhat (?:is|are) (?:a|an|the)\b/;
const HOWTO = /\bhow (?:do|can|should|would|to|does one)\b/;

export function questionShape(text: string): QuestionShape {
  const s = text.toLowerCase().replace(/[’`]/g, "'");
  if (COMPARE.test(s)) return 'compare';
  if (DEFINE.test(s)) return 'define';
  if (HOWTO.test(s)) return 'howto';
  return 'other';
}
