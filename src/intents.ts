/**
 * Reading what kind of message this is, before any search: greetings and help, the roadmap
 * overview, questions about the roadmap's order, stage numbers. Text in, plain facts out;
 * the router decides what to answer.
 */

export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
export const STAGE_NUMBER = new RegExp(`\\b(?:stage|step|phase|level|part)\\s*#?\\s*(\\d{1,2}|${NUMBER_WORDS.join('|')})\\b`);
export const GREETING = /^(?:hi+|hello+|hey+|yo+|hiya|howdy|sup|wassup|what'?s up|greetings|good (?:morning|afternoon|evening)|gm)(?: there)?(?: bot| roadmap-?bot)?$/;
// Unhappy feedback about an answer: an apology and a way forward, not a search for "useless".
export const UNHAPPY =
  /^(?:(?:(?:your|that|this|the) )?(?:answer|reply|bot)|that|this|it|you|u)(?:'?re|'?s| are| is| was)?\b.{0,25}\b(?:useless|dumb|stupid|wrong|bad|not helpful|unhelpful|terrible|nonsense|doesn'?t help|didn'?t help|not what i asked)\b[\s!.]*$|^(?:wrong|bad|useless|terrible|unhelpful|not helpful) (?:answer|reply|bot)[\s!.]*$/;
// Follow-ups that lean on a previous message ("explain more", "next"): the bot answers each
// message on its own, so it asks for the question instead of guessing at one word.
export const FOLLOW_UP =
  /^(?:(?:can|could) (?:you|u) )?(?:(?:explain|tell me|say) (?:more|further|again|it again|that again|in more detail|it simpler|simpler)|more|more please|go on|continue|elaborate|next|next one|what do you mean|what does that mean|huh|what|why|and|so)$/;
// Thanks, acknowledgements and goodbyes: a friendly word back, not a search for "cool".
export const SMALL_TALK =
  /^(?:(?:thanks?|thank (?:you|u)|thx|ty|tysm|cheers|ok(?:ay)?|k|kk|cool|nice|great|awesome|perfect|got it|makes sense|lol|lmao|haha+|bye|goodbye|see (?:you|ya)|cya|good night|gn|you'?re (?:the best|great|awesome))(?:[\s,!.]+|$))+(?:so much|a lot|again|man|bro|bot|that helped|it helped|this helped)?$/;
export const HELP = /^(?:\/?help|\?+|commands|menu|usage|start|what (?:can|could) (?:you|u) do|what (?:you|u) can do|what do (?:you|u) do|who are (?:you|u)|what are (?:you|u)|how does (?:this|it) work|how do i use (?:this|you|it)|what can i ask(?: you)?)$/;
export const OVERVIEW = /^(?:(?:show|give|send|tell)(?: me)? )?(?:the |a |your )?(?:whole |full |complete |entire |backend )*(?:roadmap|road map|stages|all stages|list of stages|list stages|learning path)(?: overview)?$/;
// "what comes after git?", "what should i learn before databases", "after sql what next".
// Only questions about the order itself: "where do i see logs after deploying" is not one.
const ORDER_QUESTION = /^(?:so |and |ok |okay )?(?:what|which)\b(.*?)\b(after|following|before)\s+(.+)$/;
const ORDER_TRAILING = /^(?:so |and |ok |okay )?(after|once i(?:'ve| have)? (?:learned|finished|done))\s+(.+?),?\s+(?:what|which)\b(.*)$/;
const ORDER_WORDS = new Set(['comes', 'come', 'is', 'do', 'does', 'i', 'we', 'you', 'learn', 'study', 'should', 'to', 'the', 'stage', 'step', 'topic',
  'part', 'next', 'then', 'go', 'goes', 'will', 'would', 'can', 'after', 'before', 'thing', 'one', 'learning', 'tackle', 'cover']);
// Filler around a stage name: "show me the databases stage please". Kept strict so that
// "what is django?" reaches the entries instead of the frameworks stage card.
export const STAGE_FILLER = new Set(['show', 'me', 'the', 'a', 'stage', 'step', 'phase', 'card', 'section', 'part', 'roadmap', 'open', 'go', 'to', 'please', 'pls', 'for']);
// A short message naming a stage plus words that only ask for an introduction ("sql for
// beginners", "git basics", "database tips") wants the stage card.
export const INTRO_FILLER = new Set([...STAGE_FILLER, 'beginner', 'beginners', 'basics', 'basic', 'intro', 'introduction', 'guide', 'tips',
  '101', 'an', 'of', 'with', 'crash', 'course', 'primer', 'essentials', 'newbie', 'noob']);
// After "what comes after ...", anything but the stage name is noise: "after i finish learning git".
export const PIVOT_FILLER = new Set([...STAGE_FILLER, 'what', 'is', 'in', 'of', 'i', 'do', 'learn', 'learning', 'learned', 'finish', 'finishing', 'finished',
  'done', 'doing', 'with', 'know', 'knowing', 'should', 'next', 'then', 'we', 'on', 'about', 'have', 've', 'basics', 'comes', 'come', 'my']);

/** A question about the roadmap's order: which stage, and whether after or before it. */
export function roadmapOrder(simple: string): { stage: string; after: boolean } | null {
  const onlyOrderWords = (text: string) => text.split(/\s+/).every((w) => !w || ORDER_WORDS.has(w));
  const lead = ORDER_QUESTION.exec(simple);
  if (lead && onlyOrderWords(lead[1] ?? '')) return { stage: lead[3] ?? '', after: lead[2] !== 'before' };
  const trailing = ORDER_TRAILING.exec(simple);
  if (trailing && onlyOrderWords(trailing[3] ?? '')) return { stage: trailing[2] ?? '', after: true };
  return null;
}

/** "hey bot, can you please show me the roadmap pls" -> "show me the roadmap". */
export function withoutPoliteness(simple: string): string {
  return simple
    .replace(/^(?:(?:hey there|hi there|hello there|hey|hi|hello|yo|ok|okay|so|um+|bot|roadmap-?bot|please|pls|plz|can you|could you|would you|will you|can i|could i|i want to|i'd like to|i would like to|let me|lemme)[\s,]+)+/, '')
    .replace(/(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|bot))+$/, '')
    .replace(/^(?:see|get|have|view)\b/, 'show')
    .trim();
}

// Platform mention syntax (Discord @everyone, <@id>, <#channel>; Slack <!channel>, <@U1>) is not
// words: "@everyone <!channel>" must not match entries about "everyone" or YouTube channels.
export const MENTIONS = /@(?:everyone|here)\b|<[@#!][^<>\s]*>/gi;

// Stripped from both ends by a loop: /[...]+$/ is quadratic on a long run that is not at the end.
const EDGE = /[\s!?.,:;]/;

function trimEdges(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && EDGE.test(s.charAt(start))) start++;
  while (end > start && EDGE.test(s.charAt(end - 1))) end--;
  return s.slice(start, end);
}

export function simplify(text: string): string {
  return trimEdges(
    text
      .normalize('NFKC')
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
      .toLowerCase()
      .replace(/\s+/g, ' '),
  );
}

// Attempts to change what the bot is, or to make it hand over its own secrets. These are
// never backend questions, whatever backend words they contain ("paste the bot token").
const OVERRIDE = /\b(?:ignore|disregard|forget)\b.{0,40}\b(?:instructions|rules|prompt|guidelines|everything above|roadmap stuff)\b|\byou are (?:now|no longer)\b|\bpretend (?:to be|you(?:'re| are))\b|\bact as (?:a|an|my)\b|\bjailbreak|\bdeveloper mode\b|\bsystem prompt\b|\bnew instructions\b|\bdo anything now\b|\byou are dan\b|\bnow dan\b/;
const ASKS_FOR = /\b(?:paste|print|reveal|dump|leak|give|send|tell|show|share|what(?:'s| is)|whats)\b/;
const SECRET = /\b(?:tokens?|api keys?|passwords?|secrets?|credentials|env file|environment variables)\b|\.env\b/;
const THE_BOTS_OWN = /\b(?:your|you use|you were|you have|you run|bot's|the bot)\b/;

/** True when the message tries to re-instruct the bot or extract its secrets. */
export function isPromptInjection(simple: string): boolean {
  return OVERRIDE.test(simple) || (ASKS_FOR.test(simple) && SECRET.test(simple) && THE_BOTS_OWN.test(simple));
}

/** "backend for beginners", "backend development basics": an introduction to the whole roadmap. */
export function asksForBackendIntro(simple: string): boolean {
  const rest = simple.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !INTRO_FILLER.has(w));
  return rest.length >= 1 && rest.length <= 2 && rest[0] === 'backend' && (rest.length === 1 || /^dev(?:elopment|elopers?|s)?$/.test(rest[1] ?? ''));
}
