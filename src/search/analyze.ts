/**
 * Text analysis shared by indexing and querying, so both sides agree on what a term is:
 *
 *   "How do I deploy my Node.js app w/ CI/CD??"  ->  ["deploy", "nodej", "app", "cicd"]
 *
 * 1. Rewrite tech names the default tokeniser would break (c++, c#, .net, node.js, ci/cd).
 * 2. Split on anything that is not a letter or digit.
 * 3. Fold synonyms and abbreviations to one canonical term (db -> database), phrases first.
 * 4. Drop stop words (our own short list: "how long" and "first" keep their meaning).
 * 5. Stem with Porter2 (deploying, deployment -> deploy).
 */
import stem from 'wink-porter2-stemmer';

/** Longest text we analyse; a question longer than this is mostly noise for routing. */
export const MAX_ANALYZED_CHARS = 1200;

const TECH_REWRITES: [RegExp, string][] = [
  [/c\+\+/g, ' cplusplus '],
  // Comparison operators are what "== vs ===" questions are about.
  [/!==|===/g, ' strictequality '],
  [/!=|==/g, ' looseequality '],
  [/(^|[^a-z0-9])c#/g, '$1 csharp '],
  [/(^|[^a-z0-9])f#/g, '$1 fsharp '],
  [/(^|\s)\.net\b/g, '$1 dotnet '],
  [/\basp\.net\b/g, ' aspnet '],
  [/\b([a-z]+)\.js\b/g, ' $1js '],
  [/\bci\s*\/\s*cd\b/g, ' cicd '],
  [/\bi\/o\b/g, ' io '],
  [/\bw\/o\b/g, ' without '],
  [/\bw\//g, ' with '],
  [/\b(\w+)['’](s|t|re|ve|ll|d|m)\b/g, '$1$2'],
];

// Words that carry no meaning for routing. Kept deliberately short: "long", "first",
// "need", "start", "best" and "job" all change which entry is right. Words about the request
// itself ("tips", "advice") say nothing about its subject: "database tips" is "database".
export const STOP_WORDS = new Set(
  `a an the is are was were be been being am do does did doing done i me my mine myself you your yours we our us
  they them their it its itself this that these those there here what whats which who whom whose how why when where
  can could should would will shall may might to of in on at by for with about from into onto as and or but if so than
  then just really actually even also too very quite some any im ive id youre theyre dont doesnt didnt isnt arent
  wasnt cant couldnt shouldnt wouldnt wont pls plz please thx thanks thank hey hi hello ok okay yeah yes no lol tho
  though vs versus etc eg ie u ur r y q guys guy anyone someone somebody anybody something anything thing things
  stuff kinda sorta gonna wanna gotta like rn btw imo imho tbh ngl smh omg idk dunno much many per lot lots bro bruh dude fam yall
  bit exactly literally basically simply tip tips advice advise guidance suggestion suggestions recommendation
  recommendations`.split(/\s+/),
);

export interface Analyzer {
  /** Terms of `text`, in order, ready for the index. */
  terms(text: string): string[];
  /** Canonical, stemmed form of one word (used for stage aliases and checks). */
  term(word: string): string | null;
}

/** Builds an analyzer that folds the knowledge base's synonyms (canonical -> variants). */
export function createAnalyzer(synonyms: Record<string, string[]> = {}): Analyzer {
  const single = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  // Only words that start some phrase are worth trying phrases at.
  const phraseStarts = new Set<string>();
  let longestPhrase = 1;
  const split = (s: string) => rewrite(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (const [canonical, variants] of Object.entries(synonyms)) {
    const target = split(canonical);
    for (const variant of variants) {
      const words = split(variant);
      if (words.length === 1) single.set(words[0] as string, target);
      else if (words.length > 1) {
        phrases.set(words.join(' '), target);
        phraseStarts.add(words[0] as string);
        longestPhrase = Math.max(longestPhrase, words.length);
      }
    }
  }

  const stems = new Map<string, string | null>();
  const finish = (word: string): string | null => {
    let out = stems.get(word);
    if (out !== undefined) return out;
    if (STOP_WORDS.has(word) || (word.length === 1 && !/\d/.test(word))) out = null;
    else out = /^\d+$/.test(word) ? word : stem(word);
    if (stems.size < 50_000) stems.set(word, out);
    return out;
  };

  const terms = (text: string): string[] => {
    const words = split(text.slice(0, MAX_ANALYZED_CHARS).normalize('NFKC'));
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      const maxLength = phraseStarts.has(words[i] as string) ? Math.min(longestPhrase, words.length - i) : 0;
      for (let n = maxLength; n >= 2; n--) {
        const target = phrases.get(words.slice(i, i + n).join(' '));
        if (target) {
          for (const w of target) {
            const t = finish(w);
            if (t) out.push(t);
          }
          i += n;
          matched = true;
          break;
        }
      }
      if (matched) continue;
      const word = words[i] as string;
      for (const w of single.get(word) ?? [word]) {
        const t = finish(w);
        if (t) out.push(t);
      }
      i += 1;
    }
    return out;
  };

  return {
    terms,
    term: (word) => terms(word)[0] ?? null,
  };
}

// "go" is both a language and the commonest verb. It names the language when written "Go"
// mid-sentence, or next to words that only make sense for a language; otherwise it is a stop word.
const GO_BEFORE = /\b(in|learn|learning|learned|use|using|with|vs|versus|or|and|like|than|about|know|knows|into|pick|choose|between)\s+go\b/g;
const GO_AFTER =
  /\bgo(?=\s*(?:[,/?]|\s)\s*(?:vs|versus|or|lang|language|languages|developer|developers|dev|devs|backend|backends|framework|frameworks|web|api|apis|server|servers|code|program|programs|programming|gin|echo|fiber|chi|module|modules|routines?|goroutines?|generics|microservices?|services?|jobs?|concurrency|binary|binaries|compiler|project|projects|app|apps|stdlib|standard library|net\/http|rust|python|java|node|nodejs|kotlin|rust|c#|worth|test|tests|mod|modules|fmt|vet)\b)/g;

function rewriteGo(text: string): string {
  return text
    .replace(/([\p{Ll},;:]\s+)Go\b/gu, '$1golang')
    .toLowerCase()
    .replace(GO_BEFORE, '$1 golang')
    .replace(GO_AFTER, 'golang')
    .replace(/^\s*go(?=\s+(?:is|has|does|really|hard|easy|good|worth|still|better|faster|slower|dead|popular|used)\b)/, 'golang')
    // "c" is the language where context says so; a lone letter is otherwise dropped.
    .replace(/\b(learn|learning|learned|in|know|use|using|with|vs|versus|or|and|like|than|about|write|writing)\s+c\b(?![#+])/g, '$1 clang')
    .replace(/(^|\s)c(?=\s+(?:vs|versus|or|and|first|language|lang|programming|is|worth|before|pointers?)\b)/g, '$1clang')
    .replace(/\bgo\b/g, ' ');
}

function rewrite(text: string): string {
  // Type parameters before lower-casing ("List<T>", "Map<K, V>"), so they are not read as words.
  let out = rewriteGo(text.replace(/<\s*[A-Z]\w?(?:\s*,\s*[A-Z]\w?)*\s*>/g, ' generics '));
  for (const [pattern, replacement] of TECH_REWRITES) out = out.replace(pattern, replacement);
  return out;
}
