// Turns one step's tool results into the child's answer. Only what the results say: no prices or
// names are made up, and nothing is called approved unless an approvalOutcome says APPROVED.
import type {
  AskParentOutput,
  GetMenuOutput,
  GetMyStatusOutput,
  LineItem,
  ListRestaurantsOutput,
  PlaceOrderOutput,
  RequestRestaurantAccessOutput,
  RestaurantSummary,
} from "@/lib/ai/tools/contracts";
import { formatCents } from "@/lib/money";
import { jsonOf, type ToolOutcome } from "./history";
import { statusFocus } from "./intent";
import { normalize } from "./normalize";
import { outcomeReply } from "./outcome";
import { statusReply } from "./status-reply";
import * as say from "./wording";

const WAITING = "I've asked them — I'll let you know as soon as they answer.";

/** `userText` is the child's message these results answer, when there is one ("how much is left?"). */
export function replyToResults(results: ToolOutcome[], notes: string[] = [], userText = ""): string {
  const sentences = results.map((r) => replyToOne(r, userText));
  const waiting = results.some((r) => jsonOf(r.output)?.status === "pending");
  const parts = [...notes, ...sentences, ...(waiting ? [WAITING] : [])];
  return parts.join("\n\n") || "Anything else I can help with? 🙂";
}

function replyToOne(result: ToolOutcome, userText: string): string {
  const value = jsonOf(result.output);
  if (!value) return problem(result);
  try {
    switch (result.toolName) {
      case "listRestaurants":
        return restaurantsReply(value as ListRestaurantsOutput);
      case "getMenu":
        return menuReply(value as GetMenuOutput);
      case "placeOrder":
        return orderReply(value as PlaceOrderOutput);
      case "requestRestaurantAccess":
        return accessReply(value as RequestRestaurantAccessOutput);
      case "askParent":
        return askReply(value as AskParentOutput);
      case "getMyStatus":
        return statusReply(value as GetMyStatusOutput, statusFocus(normalize(userText)));
      case "approvalOutcome":
        return outcomeReply(value);
      default:
        return "I got an answer I didn't expect. Could you ask me again?";
    }
  } catch {
    // A result that does not match its contract: say so rather than guess.
    return "Sorry, I got a muddled answer back and couldn't read it. Could you try again?";
  }
}

function accessNote(restaurant: RestaurantSummary): string {
  if (restaurant.access === "needs-permission") return " (needs a parent's permission)";
  if (restaurant.access === "granted") return " (you have permission)";
  return "";
}

function restaurantsReply({ restaurants }: ListRestaurantsOutput): string {
  if (restaurants.length === 0) return "There are no restaurants to order from right now. 😕";
  const lines = restaurants.map((r) => `• ${r.name}${accessNote(r)}`);
  const locked = restaurants.filter((r) => r.access === "needs-permission").length > 0;
  const tip = locked ? "\nFor the ones that need permission, just ask me and I'll check with your parent." : "";
  return `Here are the restaurants you can order from:\n${lines.join("\n")}${tip}\nWhich one sounds yummy? 😋`;
}

function menuReply(menu: GetMenuOutput): string {
  if (menu.status !== "ok") return `Hmm, ${menu.message} Want me to show you the restaurants?`;
  const { restaurant, dishes } = menu;
  if (dishes.length === 0) return `${restaurant.name} has nothing on its menu right now. 😕`;
  const lines = dishes.map(
    (d) => `• ${d.name} — ${formatCents(d.priceCents)}${d.premium ? " (needs a parent's OK)" : ""}`,
  );
  const locked =
    restaurant.access === "needs-permission"
      ? `\n${restaurant.name} needs a parent's permission before you can order. Want me to ask them?`
      : "\nWhat would you like?";
  return `Here's the menu at ${restaurant.name}:\n${lines.join("\n")}${locked}`;
}

function itemsText(items: LineItem[]): string {
  return say.joinList(items.map(say.lineText));
}

function orderReply(order: PlaceOrderOutput): string {
  if (order.status === "placed") {
    const emoji = say.foodEmoji(order.items.map((i) => i.name));
    return `Done! I ordered ${itemsText(order.items)} from ${order.restaurantName} (${formatCents(order.totalCents)}). ${emoji}`;
  }
  if (order.status === "pending") {
    const what = `${itemsText(order.items)} from ${order.restaurantName} (${formatCents(order.totalCents)})`;
    return `I'd love to get you ${what}! That needs a parent's OK${say.becauseClause(order.reasons)}.`;
  }
  return `Sorry, I couldn't place that order. ${order.message}`;
}

function accessReply(access: RequestRestaurantAccessOutput): string {
  if (access.status === "already-allowed") {
    return `Good news — you can already order from ${access.restaurantName}! 🎉 Want to see the menu?`;
  }
  if (access.status === "pending") {
    return `${access.restaurantName} needs a parent's permission${say.becauseClause(access.reasons)}.`;
  }
  return `Sorry, I couldn't ask about that restaurant. ${access.message}`;
}

function askReply(ask: AskParentOutput): string {
  if (ask.status === "pending") return `Okay! I asked your parents: “${ask.question}”`;
  return `Sorry, I couldn't ask your parents right now. ${ask.message}`;
}

/** The tool failed, or its input was refused before it ran: apologise in plain words. */
function problem(result: ToolOutcome): string {
  const { output } = result;
  if (output.type === "execution-denied") return "Sorry, I wasn't allowed to do that, so nothing happened.";
  const detail =
    output.type === "error-text" || output.type === "text"
      ? output.value
      : output.type === "content"
        ? output.value.map((p) => (p.type === "text" ? p.text : "")).join(" ")
        : JSON.stringify(output.value ?? "");
  const doing: Record<string, string> = {
    listRestaurants: "get the list of restaurants",
    getMenu: "get that menu",
    placeOrder: "place your order",
    requestRestaurantAccess: "ask your parent about that restaurant",
    askParent: "ask your parents",
    getMyStatus: "look that up",
  };
  const what = doing[result.toolName] ?? "do that";
  const nothing = result.toolName === "placeOrder" ? " Nothing was ordered." : "";
  return `Sorry, I couldn't ${what}: ${plainError(detail)}.${nothing} Could you try again in a moment?`;
}

function plainError(detail: string): string {
  if (/invalid|validation|schema|expected|too_(big|small)/i.test(detail))
    return "some of the details didn't look right";
  if (/not found|unknown|no such|does not exist/i.test(detail)) return "I couldn't find what you asked for";
  if (/timed? ?out|network|fetch|econn|unavailable|offline/i.test(detail)) return "the kitchen didn't answer in time";
  if (/forbidden|unauthori[sz]ed|not allowed|permission/i.test(detail)) return "that isn't allowed right now";
  return "something went wrong on our side";
}
