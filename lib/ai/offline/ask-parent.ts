// Step 2b: "ask mum if I can have dessert tonight" → a question for the parents ("Can I have dessert tonight?").
// Works on the child's own words (not the normalized ones) so the question keeps its spelling. Pure.

const PARENT =
  "(?:(?:my|your|our|the) )?(?:mummy|mommy|momma|mama|mum|mom|mam|ma|daddy|dad|papa|pa|father|mother|parents|parent|folks|grown ?ups?)\\b";
const PARENTS = `${PARENT}(?: (?:and|or|&) ${PARENT})?`;
const GREETING = "(?:(?:hey|hi|hello|ok|okay|so|um|umm|please|pls|plz|lunchbox)[,!]? )*";
const LEAD =
  "(?:(?:can|could|would|will) you (?:please |pls )?|please |pls |(?:i|we) (?:want|wanna|would like|need|have) (?:you )?to |i'd like (?:you )?to |(?:can|could|may) (?:i|we) |go |let's |lets )?";
const ASK = new RegExp(
  `^${GREETING}${LEAD}(ask|tell|message|text) ${PARENTS}(?: for me)?(?:[,:;.!?-]+ ?| |$)(.*)$`,
  "i",
);
const QUESTION_FOR = new RegExp(
  `^${GREETING}(?:(?:i have|i got|i've got|i ve got) )?(?:a )?(question|message) for ${PARENTS}(?:[,:;.!?-]+ ?| |$)(.*)$`,
  "i",
);
/** Words that say "something" without saying what: the question still has to be asked for. */
const VAGUE =
  /^(?:(?:about )?(?:something|a question|a thing|sth|smth|stuff|a favou?r|anything)(?: else)?|for me|please|pls)?$/i;

export type ParentAsk = { kind: "question"; question: string } | { kind: "empty"; parent: string };

/** Whether the child asks the agent to put something to a parent; null when the message is something else. */
export function parseParentAsk(message: string): ParentAsk | null {
  const text = tidy(message);
  const asked = ASK.exec(text) ?? QUESTION_FOR.exec(text);
  if (!asked) return null;
  const verb = asked[1]?.toLowerCase() ?? "ask";
  const parent = parentWord(text);
  const rest = trimRest(asked[2] ?? "");
  if (VAGUE.test(rest)) return { kind: "empty", parent };
  const question = verb === "tell" || verb === "message" || verb === "text" ? statement(rest) : rephraseQuestion(rest);
  return question.length >= 3 ? { kind: "question", question } : { kind: "empty", parent };
}

type Rewrite = [RegExp, (m: RegExpExecArray) => string];

/** The first rewrite whose pattern matches, or the text as it is. */
function rewrite(text: string, rules: Rewrite[]): string {
  for (const [pattern, make] of rules) {
    const m = pattern.exec(text);
    if (m) return make(m);
  }
  return text;
}

const g = (m: RegExpExecArray, i: number) => m[i] ?? "";

const QUESTION_RULES: Rewrite[] = [
  [/^(?:if|whether)\s+(.+)$/i, (m) => clause(g(m, 1))],
  [/^to\s+(.+)$/i, (m) => `Can you ${g(m, 1)}`],
  [/^for\s+(.+)$/i, (m) => `Can I have ${g(m, 1)}`],
  [/^about\s+(.+)$/i, (m) => `What about ${g(m, 1)}`],
  // "when dinner is" → "When is dinner"
  [/^(what|when|where|who|why|how|which)\s+(.+?)\s+(is|are)$/i, (m) => `${g(m, 1)} ${g(m, 3)} ${g(m, 2)}`],
  [/^(?:i|we|she|he|they|it|there)\b.*$/i, (m) => clause(g(m, 0))],
];

/** The child's answer to "what should I ask?", or the part after "ask mum", as a direct question. */
export function rephraseQuestion(raw: string): string {
  return finish(rewrite(trimRest(tidy(raw)), QUESTION_RULES));
}

function tidy(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function trimRest(rest: string): string {
  return rest
    .replace(/^(?:for me|please|pls|that)\b[,\s]*/i, "")
    .replace(/[\s,]*\b(?:please|pls|plz|for me)\s*[.!?]*$/i, "")
    .replace(/^[\s"“”':,-]+|[\s"“”'.!?,;:-]+$/g, "")
    .trim();
}

function parentWord(text: string): string {
  const found = new RegExp(`\\b(?:ask|tell|message|text|for) (${PARENTS})`, "i").exec(text)?.[1] ?? "your parents";
  return found.replace(/^(?:my|our|the)\s+/i, "your ").replace(/^(?!your )/i, "your ");
}

const MODALS = "can|could|may|might|should|will|would|shall";

/** "I can have dessert" → "Can I have dessert"; "she can pick me up" → "Can you pick me up". */
const CLAUSE_RULES: Rewrite[] = [
  [new RegExp(`^(i|we)\\s+(${MODALS})\\s+(.+)$`, "i"), (m) => `${cap(g(m, 2))} ${subject(g(m, 1))} ${g(m, 3)}`],
  [/^(i|we)(?:'m|\s+am|'re|\s+are)\s+(.+)$/i, (m) => `${/^i$/i.test(g(m, 1)) ? "Am I" : "Are we"} ${g(m, 2)}`],
  [new RegExp(`^(?:she|he|they|you)\\s+(${MODALS})\\s+(.+)$`, "i"), (m) => `${cap(g(m, 1))} you ${g(m, 2)}`],
  [/^(?:she|he|they)(?:'s|\s+is|'re|\s+are)\s+(.+)$/i, (m) => `Are you ${g(m, 1)}`],
  [/^it(?:'s|\s+is)\s+(?:ok|okay|alright|all right|fine)\b\s*(.*)$/i, (m) => `Is it OK ${g(m, 1)}`.trim()],
  [/^there(?:'s|\s+is)\s+(.+)$/i, (m) => `Is there ${g(m, 1)}`],
  [/^there\s+are\s+(.+)$/i, (m) => `Are there ${g(m, 1)}`],
  [/^(i|we)\s+(have|need|get|go|want|like)\b\s*(.*)$/i, (m) => `Do ${subject(g(m, 1))} ${g(m, 2)} ${g(m, 3)}`.trim()],
];

function clause(inner: string): string {
  return rewrite(inner, CLAUSE_RULES);
}

function subject(word: string): string {
  return /^i$/i.test(word) ? "I" : word.toLowerCase();
}

function finish(text: string): string {
  const fixed = text
    .replace(/\bi\b/g, "I")
    .replace(/\bi'(m|ll|d|ve)\b/g, "I'$1")
    .trim();
  return fixed ? `${cap(fixed)}?` : "";
}

function statement(text: string): string {
  const fixed = text
    .replace(/\bi\b/g, "I")
    .replace(/\bi'(m|ll|d|ve)\b/g, "I'$1")
    .trim();
  return fixed ? `${cap(fixed)}.` : "";
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
