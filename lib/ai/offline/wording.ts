// Small phrasing helpers and the fixed answers, so every reply sounds like the same friendly voice.
import { formatCents } from "@/lib/money";

export function joinList(items: string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** "2× Veggie Pizza" */
export function lineText(line: { name: string; quantity: number }): string {
  return `${line.quantity}× ${line.name}`;
}

/** "Deluxe Burger" for one, "2× Deluxe Burger" for more: what a child would say. */
export function looseLineText(line: { name: string; quantity: number }): string {
  return line.quantity === 1 ? line.name : lineText(line);
}

export function priced(name: string, cents: number): string {
  return `${name} (${formatCents(cents)})`;
}

const EMOJI: Array<[RegExp, string]> = [
  [/pizza/i, "🍕"],
  [/burger/i, "🍔"],
  [/fries|fry|chips/i, "🍟"],
  [/sushi|roll|tempura/i, "🍣"],
  [/pasta|spaghetti|noodle/i, "🍝"],
];

export function foodEmoji(names: string[]): string {
  for (const [pattern, emoji] of EMOJI) if (names.some((n) => pattern.test(n))) return emoji;
  return "🎉";
}

const LOWER_STARTS = /^(There|This|That|These|It|The|Your|You|A|An|Orders?|Ordering|Only|Some)\b/;

/** Policy reasons are whole sentences; join them after "because" without their full stops. */
export function becauseClause(reasons: string[]): string {
  const parts = reasons
    .map((r) => r.trim().replace(/[.!]+$/, ""))
    .filter(Boolean)
    .map((r) => (LOWER_STARTS.test(r) ? r.charAt(0).toLowerCase() + r.slice(1) : r));
  return parts.length > 0 ? ` because ${joinList(parts)}` : "";
}

/** The parent's name as the child knows it, or a neutral stand-in. */
export function parentName(name: string | null | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? trimmed : "your parent";
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const CAPABILITIES =
  "I can show you the restaurants, show you a menu, order food for you, ask your parents a question, or tell you what's waiting. " +
  "Try “what restaurants can I order from?”, “what's on the menu at Pizza Palace?” or “I want a cheese pizza”.";

export function greetingReply(childName?: string): string {
  const hi = childName ? `Hi ${childName}! 👋` : "Hi there! 👋";
  return `${hi} What are you hungry for? ${CAPABILITIES}`;
}

export function thanksReply(childName?: string): string {
  return childName ? `You're welcome, ${childName}! 😊 Enjoy your food!` : "You're welcome! 😊 Enjoy your food!";
}

export function helpReply(): string {
  return `I'm your Lunchbox helper! 🍱 ${CAPABILITIES} If something needs a grown-up's OK, I'll ask your parent for you.`;
}

export function unknownReply(): string {
  return `Hmm, I'm not sure what you mean. 🤔 ${CAPABILITIES}`;
}

export function unknownFoodReply(): string {
  return (
    "Sorry, I couldn't find that on any of our menus. 🤔 " +
    "Want to see the restaurants? Just ask “what restaurants can I order from?”"
  );
}

export function parentClaimReply(): string {
  return (
    "I can't change the rules or approve anything in the chat. Only a parent can say yes, from their own parent page. 🙂 " +
    "But I'm happy to help you pick something yummy! " +
    CAPABILITIES
  );
}

export function quantityReply(): string {
  return "Oops! I can order between 1 and 20 of each dish. How many would you like? 🙂";
}

export function noReply(): string {
  return "Okay! Just tell me if you want anything else. 😊";
}

export function yesWithoutOfferReply(): string {
  return `Great! What would you like? ${CAPABILITIES}`;
}

/** Asked when the child wants to ask a parent but has not said what; the next message is the question. */
export const ASK_WHAT = "What would you like me to ask";

export function askWhatReply(parent: string): string {
  return `Sure! ${ASK_WHAT} ${parent}? 🙂`;
}
