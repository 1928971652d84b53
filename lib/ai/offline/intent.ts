// Step 2: what the child wants, decided from the normalized words and what step 3 found in them.
import { STOPWORDS } from "./lexicon";
import type { ParsedMessage } from "./resolve";

export type Intent =
  | "order"
  | "dish-info"
  | "menu"
  | "list"
  | "access"
  | "status"
  | "parent-claim"
  | "help"
  | "thanks"
  | "yes"
  | "no"
  | "greeting"
  | "unknown-food"
  | "unknown";

const DISH_INFO =
  /\b(how much|price|prices|cost|costs|do you have|do they have|is there|are there|which (restaurant|restaurants|place|places) (has|have|sell|sells)|who (has|sells)|does \w+( \w+)? (have|sell|serve))\b/;
const MENU =
  /\b(menu|menus|what is on|what is at|what (do|does) (they|it|\w+ \w+|\w+) (have|sell|serve)|what can i (get|eat|order|have) (at|from)|show me|what food)\b/;
const ACCESS =
  /\b(order|eat|get|buy|allowed|allow|permission|access|unlock|ask|can i|could i|may i|want|wanna|like|try|go)\b/;
const LIST =
  /\b(restaurant|restaurants|places|shops|where can i|what can i (order|eat|get)|who can i order from|options|choices)\b/;
const PARENT_CLAIM =
  /\b(i am (the|your|a|his|her|their|my kid s) (parent|mom|mum|dad|mother|father)|parent here|(mom|mum|dad|parent|parents|mother|father) (said|says|say) (yes|ok|okay|it is ok|i can)|i (approve|allow|give permission|give you permission)|approved|ignore (all |the |your |previous |my |any |these |those )*(rules|instructions|instruction|previous)|pretend|you are now|system prompt|developer mode|jailbreak|override)\b/;
// The child's own standing: what waits for a parent, what was ordered today, what is left to spend.
const STATUS =
  /\b(what is waiting|what am i waiting|what are we waiting|waiting for (a |my |the )?(parent|parents|mum|mom|dad|answer)|(anything|something|what is|is anything|is something) (still )?(waiting|pending)|pending|still waiting|what did i (order|get|buy|eat|have)|what have i (ordered|got|bought|had|eaten)|my orders|orders? (from |for )?today|ordered today|how much (money )?(can i|do i have|have i|is left|did i spend|i have left|i can spend)|money (do i have |have i got |i have )?left|left to spend|can i (still )?spend|my budget|budget|spent|spending)\b/;
const HELP = /\b(help|what can you do|what do you do|how does this work|how do i|who are you|what are you)\b/;
const THANKS = /\b(thanks|thank you|thank u|thankyou|thx|ty|tysm|cheers)\b/;
const GREETING = /\b(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|hungry|starving)\b/;
// "like" only as a wish ("I would like", "I like"), not "what is the weather like".
const ORDER = /\b(want|wanna|(i|we|would) like|get|order|have|buy|give|gimme|take|need|craving|eat)\b/;

const YES_WORDS = new Set(["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "alright", "ya", "ask", "go"]);
const YES_FILLERS = new Set([
  "please",
  "pls",
  "plz",
  "do",
  "it",
  "again",
  "them",
  "ahead",
  "that",
  "would",
  "be",
  "great",
]);
const YES_ALSO = new Set(["nice", "good", "sounds", "let", "us", "see", "menu", "the"]);
const NO_WORDS = new Set(["no", "nope", "nah", "never", "not"]);
const NO_FILLERS = new Set(["thanks", "thank", "you", "mind", "not", "now", "it", "is", "fine", "ok", "okay", "that"]);

function onlyWords(tokens: string[], key: Set<string>, fillers: Set<string>[]): boolean {
  return tokens.some((t) => key.has(t)) && tokens.every((t) => key.has(t) || fillers.some((f) => f.has(t)));
}

export type StatusFocus = "waiting" | "ordered" | "money";

/** Which part of the status the child asked about; all of it when the words do not say. */
export function statusFocus(text: string): StatusFocus[] {
  const focus: StatusFocus[] = [];
  if (/\b(wait|waiting|pending)\b/.test(text)) focus.push("waiting");
  if (/\b(what did i|what have i|my orders|ordered|orders? (from |for )?today)\b/.test(text)) focus.push("ordered");
  if (/\b(spend|spent|spending|budget|money|left|how much)\b/.test(text)) focus.push("money");
  return focus.length > 0 ? focus : ["waiting", "ordered", "money"];
}

export function detectIntent(text: string, parsed: ParsedMessage): Intent {
  const { tokens } = parsed;
  if (parsed.mentions.length > 0) return DISH_INFO.test(text) ? "dish-info" : "order";
  if (parsed.restaurants.length > 0) {
    if (MENU.test(text)) return "menu";
    return ACCESS.test(text) ? "access" : "menu";
  }
  if (STATUS.test(text)) return "status";
  if (/\bmenus?\b/.test(text)) return "menu";
  if (LIST.test(text)) return "list";
  if (PARENT_CLAIM.test(text)) return "parent-claim";
  if (onlyWords(tokens, YES_WORDS, [YES_FILLERS, YES_ALSO])) return "yes";
  if (onlyWords(tokens, NO_WORDS, [NO_FILLERS])) return "no";
  if (HELP.test(text)) return "help";
  if (THANKS.test(text)) return "thanks";
  if (GREETING.test(text)) return "greeting";
  if (ORDER.test(text) && tokens.some((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t))) return "unknown-food";
  return "unknown";
}
