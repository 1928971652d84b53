// The answer to a parent's decision, which the server writes into the chat as an approvalOutcome.
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import { formatCents } from "@/lib/money";
import * as say from "./wording";

export function outcomeReply(raw: Record<string, unknown>): string {
  const outcome = raw as ApprovalOutcomeOutput;
  const parent = say.parentName(outcome.decidedByName);
  const isOrder = outcome.kind === "ORDER";
  const subject = isOrder ? `your order from ${outcome.restaurantName}` : `ordering from ${outcome.restaurantName}`;
  switch (outcome.status) {
    case "APPROVED":
      return isOrder ? approvedOrder(outcome, parent) : approvedAccess(outcome, parent);
    case "DENIED":
      return denied(outcome, parent, subject);
    case "EXPIRED":
      return `Nobody answered about ${subject} in time, so it didn't go through. Want me to ask again?`;
    case "CANCELLED":
      return `The request about ${subject} was cancelled, so nothing happened. Want to pick something else?`;
    default:
      return "I heard back from your parent, but I couldn't understand the answer. Could you ask them?";
  }
}

function approvedOrder(outcome: ApprovalOutcomeOutput, parent: string): string {
  const good = `Good news, ${parent} said yes!`;
  const order = outcome.order;
  if (!order || order.items.length === 0) return `${good} Your order from ${outcome.restaurantName} is on its way. 🎉`;
  const what = say.joinList(order.items.map(say.looseLineText));
  const emoji = say.foodEmoji(order.items.map((i) => i.name));
  return `${good} Your ${what} (${formatCents(order.totalCents)}) is on its way. ${emoji}`;
}

function approvedAccess(outcome: ApprovalOutcomeOutput, parent: string): string {
  const when =
    outcome.scope === "ALWAYS_RESTAURANT" ? "any time now" : outcome.scope === "ONCE" ? "this one time" : "now";
  return `Good news, ${parent} said yes! You can order from ${outcome.restaurantName} ${when}. 🎉 Want to see the menu?`;
}

function denied(outcome: ApprovalOutcomeOutput, parent: string, subject: string): string {
  const note = outcome.note?.trim().replace(/[.!?]*$/, "");
  const said = note ? ` ${say.capitalize(parent)} said: ${note}.` : "";
  const first = `Sorry, ${parent} said no to ${subject} this time.${said}`;
  const options = (outcome.alternatives ?? [])
    .slice(0, 3)
    .map((a) => `${a.name} from ${a.restaurantName} (${formatCents(a.priceCents)})`);
  if (options.length === 0) return `${first} Want to pick something else? 🙂`;
  return `${first} You could have ${say.joinList(options, "or")} without asking. Want one of those? 🙂`;
}
