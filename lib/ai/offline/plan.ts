// Step 5: turn a child's message into tool calls, or into an answer when no tool is needed.
import { MAX_LINES, MAX_QUANTITY, MAX_QUESTION_LENGTH } from "@/lib/ai/tools/contracts";
import { formatCents } from "@/lib/money";
import { parseParentAsk, rephraseQuestion } from "./ask-parent";
import type { CatalogueIndex, IndexedDish } from "./catalogue-index";
import { detectIntent, type Intent } from "./intent";
import { normalize } from "./normalize";
import { type ParsedMessage, parseMessage, type Resolution, resolveMentions } from "./resolve";
import type { Plan, PlannedCall, TurnContext } from "./types";
import * as say from "./wording";

const text = (value: string): Plan => ({ kind: "text", text: value });
const tools = (calls: PlannedCall[], notes: string[] = []): Plan => ({ kind: "tools", calls, notes });

export function planUserTurn(index: CatalogueIndex, message: string, context: TurnContext, childName?: string): Plan {
  const normalized = normalize(message);
  const parsed = parseMessage(index, normalized);
  const intent = detectIntent(normalized, parsed);
  const question = planQuestion(message, intent, parsed, context);
  if (question) return question;
  switch (intent) {
    case "order":
      return planOrder(index, parsed, context);
    case "dish-info":
      return text(dishInfo(resolveMentions(index, parsed, context.restaurantId)));
    case "menu": {
      const restaurantId = parsed.restaurants[0]?.restaurantId ?? context.restaurantId;
      if (restaurantId) return tools([{ toolName: "getMenu", input: { restaurantId } }]);
      const names = index.restaurants.map((r) => r.name);
      return text(`Sure! Which restaurant's menu would you like to see? ${say.joinList(names, "or")}?`);
    }
    case "list":
      return tools([{ toolName: "listRestaurants", input: {} }]);
    case "status":
      return tools([{ toolName: "getMyStatus", input: {} }]);
    case "access": {
      const ids = [...new Set(parsed.restaurants.map((r) => r.restaurantId))];
      return tools(ids.map((restaurantId) => ({ toolName: "requestRestaurantAccess", input: { restaurantId } })));
    }
    case "yes":
      return context.offeredCall ? tools([context.offeredCall]) : text(say.yesWithoutOfferReply());
    case "no":
      return text(say.noReply());
    case "parent-claim":
      return text(say.parentClaimReply());
    case "help":
      return text(say.helpReply());
    case "thanks":
      return text(say.thanksReply(childName));
    case "greeting":
      return text(say.greetingReply(childName));
    case "unknown-food":
      return text(say.unknownFoodReply());
    case "unknown":
      return text(say.unknownReply());
  }
}

/** Intents a child's answer to "what should I ask?" may be read as: anything that is not a clear other wish. */
const QUESTION_LIKE: ReadonlySet<Intent> = new Set(["unknown", "unknown-food", "help"]);

/**
 * "Ask mum if …" becomes an askParent call. Food and restaurants keep their own tools even when a
 * parent is named ("ask mum if I can have the deluxe burger"): the policy, not the wording, decides
 * whether a parent must say yes, and a "yes" to a question would order nothing.
 */
function planQuestion(message: string, intent: Intent, parsed: ParsedMessage, context: TurnContext): Plan | undefined {
  if (parsed.mentions.length > 0 || parsed.restaurants.length > 0) return undefined;
  const ask = parseParentAsk(message);
  if (ask?.kind === "question") return askCall(ask.question);
  if (ask?.kind === "empty")
    return context.offeredCall ? tools([context.offeredCall]) : text(say.askWhatReply(ask.parent));
  if (context.awaitingQuestion && QUESTION_LIKE.has(intent)) {
    return askCall(rephraseQuestion(message));
  }
  return undefined;
}

function askCall(question: string): Plan {
  const trimmed = question.length > MAX_QUESTION_LENGTH ? `${question.slice(0, MAX_QUESTION_LENGTH - 1)}…` : question;
  return tools([{ toolName: "askParent", input: { question: trimmed } }]);
}

function planOrder(index: CatalogueIndex, parsed: ParsedMessage, context: TurnContext): Plan {
  const resolutions = withCarriedQuantities(resolveMentions(index, parsed, context.restaurantId), index, context);
  if (resolutions.some(({ mention: m }) => m.quantity < 1 || m.quantity > MAX_QUANTITY))
    return text(say.quantityReply());
  const unclear = resolutions.filter((r) => r.dishes.length > 1);
  if (unclear.length > 0) return text(unclear.map((r) => whichOne(parsed, r)).join("\n"));

  // One order per restaurant; the same dish asked twice is one line.
  const orders = new Map<string, Map<string, number>>();
  const notes: string[] = [];
  for (const { mention, dishes, notAt } of resolutions) {
    const [dish] = dishes;
    if (!dish) continue;
    const lines = orders.get(dish.restaurantId) ?? new Map<string, number>();
    lines.set(dish.id, (lines.get(dish.id) ?? 0) + mention.quantity);
    orders.set(dish.restaurantId, lines);
    if (notAt) notes.push(`${notAt} doesn't have ${dish.name}, so that comes from ${dish.restaurantName}.`);
  }
  const counts = [...orders.values()];
  if (counts.some((lines) => [...lines.values()].some((q) => q > MAX_QUANTITY))) return text(say.quantityReply());
  if (counts.some((lines) => lines.size > MAX_LINES)) {
    return text(`That's a lot of different dishes! I can order up to ${MAX_LINES} at a time. Could you pick fewer?`);
  }
  if (orders.size > 1) notes.push("Those come from different restaurants, so I made a separate order for each.");
  const calls: PlannedCall[] = [...orders].map(([restaurantId, lines]) => ({
    toolName: "placeOrder",
    input: { restaurantId, items: [...lines].map(([dishId, quantity]) => ({ dishId, quantity })) },
  }));
  return tools(calls, notes);
}

/**
 * "Two burgers" → "Which burger?" → "the deluxe": keep the two. Only when this message gave no
 * number and the dish was one of the options of the previous question.
 */
function withCarriedQuantities(resolutions: Resolution[], index: CatalogueIndex, context: TurnContext): Resolution[] {
  if (!context.previousUserText) return resolutions;
  const previous = resolveMentions(
    index,
    parseMessage(index, normalize(context.previousUserText)),
    context.restaurantId,
  );
  return resolutions.map((r) => {
    const [dish] = r.dishes;
    if (r.mention.explicitQuantity || r.dishes.length !== 1 || !dish) return r;
    const asked = previous.find((p) => p.dishes.length > 1 && p.mention.explicitQuantity && p.dishes.includes(dish));
    return asked ? { ...r, mention: { ...r.mention, quantity: asked.mention.quantity } } : r;
  });
}

function whichOne(parsed: ParsedMessage, resolution: Resolution): string {
  const { mention, dishes } = resolution;
  // "two burgers" → "Which burger": drop a plural s, but keep "fries".
  const said = parsed.tokens
    .slice(mention.start, mention.end + 1)
    .join(" ")
    .replace(/([^se])s$/, "$1");
  const places = new Set(dishes.map((d) => d.restaurantName));
  const [only] = [...places];
  const options =
    places.size === 1
      ? dishes.map((d) => say.priced(d.name, d.priceCents))
      : dishes.map((d) => `${d.name} from ${d.restaurantName} (${formatCents(d.priceCents)})`);
  const from = places.size === 1 && only ? ` from ${only}` : "";
  return `Which ${said} would you like? ${say.joinList(options, "or")}${from}? 🙂`;
}

function dishInfo(resolutions: Resolution[]): string {
  const sentences = resolutions.map(({ dishes, notAt }) => {
    const places = new Set(dishes.map((d) => d.restaurantName));
    const [only] = [...places];
    const options = dishes.map((d: IndexedDish) =>
      places.size === 1
        ? say.priced(d.name, d.priceCents)
        : `${say.priced(d.name, d.priceCents)} at ${d.restaurantName}`,
    );
    const where = places.size === 1 && only ? ` at ${only}` : "";
    const missing = notAt ? `${notAt} doesn't have that, but you` : "You";
    return `${missing} can get ${say.joinList(options, "or")}${where}.`;
  });
  return `${sentences.join(" ")} Just tell me what you'd like and I'll order it! 😋`;
}
