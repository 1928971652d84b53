// The answer to a parent's decision, which the server writes into the chat as an approvalOutcome.
import type { ApprovalOutcomeOutput } from "@/lib/ai/tools/contracts";
import { formatCents } from "@/lib/money";
import * as say from "./wording";

export function outcomeReply(raw: Record<string, unknown>): string {
  const outcome = raw as ApprovalOutcomeOutput;
  const parent = say.parentName(outcome.decidedByName);
  if (outcome.kind === "QUESTION") return questionReply(outcome, parent);
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
      return `The request about ${subject} was cancelled${because(outcome.note)}, so nothing happened. Want to pick something else?`;
    default:
      return "I heard back from your parent, but I couldn't understand the answer. Could you ask them?";
  }
}

function questionReply(outcome: ApprovalOutcomeOutput, parent: string): string {
  const asked = outcome.question ? ` “${outcome.question}”` : "";
  switch (outcome.status) {
    case "ANSWERED":
    case "APPROVED": {
      const answer = outcome.note?.trim();
      if (!answer) return `${say.capitalize(parent)} saw your question${asked}. 🙂`;
      return `${say.capitalize(parent)} says: “${answer}” 🙂`;
    }
    case "EXPIRED":
      return `Nobody answered your question${asked} in time. Want me to ask again?`;
    case "CANCELLED":
      return `Your question${asked} was cancelled${because(outcome.note)}. Want me to ask something else?`;
    case "DENIED":
      return `${say.capitalize(parent)} didn't answer your question${asked}.${said(outcome.note, parent)}`;
    default:
      return "I heard back from your parent, but I couldn't understand the answer. Could you ask them?";
  }
}

function approvedOrder(outcome: ApprovalOutcomeOutput, parent: string): string {
  const order = outcome.order;
  const changes = outcome.changes ?? [];
  const good =
    changes.length > 0
      ? `${say.capitalize(parent)} changed your order: ${changes.map((c) => c.replace(/[.]+$/, "")).join("; ")}.`
      : `Good news, ${parent} said yes!`;
  if (!order || order.items.length === 0) {
    return `${good} Your order from ${outcome.restaurantName} is on its way. 🎉${scopeNote(outcome)}`;
  }
  const what = say.joinList(order.items.map(say.looseLineText));
  const emoji = say.foodEmoji(order.items.map((i) => i.name));
  const note = outcome.note?.trim() ? ` ${say.capitalize(parent)} said: “${outcome.note.trim()}”` : "";
  return `${good} Your ${what} (${formatCents(order.totalCents)}) is on its way. ${emoji}${note}${scopeNote(outcome)}`;
}

/** What "always" means for the child, said once when the parent chose it. */
function scopeNote(outcome: ApprovalOutcomeOutput): string {
  if (outcome.scope === "ALWAYS_RESTAURANT") {
    return ` And you can order from ${outcome.restaurantName} any time now.`;
  }
  if (outcome.scope === "ALWAYS_DISH") {
    const names = [...new Set((outcome.order?.items ?? []).map((i) => i.name))];
    const dish = names.length > 0 ? `the ${say.joinList(names)}` : "that dish";
    return ` And you can have ${dish} any time now, without asking.`;
  }
  return "";
}

function approvedAccess(outcome: ApprovalOutcomeOutput, parent: string): string {
  const when =
    outcome.scope === "ALWAYS_RESTAURANT" ? "any time now" : outcome.scope === "ONCE" ? "this one time" : "now";
  return `Good news, ${parent} said yes! You can order from ${outcome.restaurantName} ${when}. 🎉 Want to see the menu?`;
}

function denied(outcome: ApprovalOutcomeOutput, parent: string, subject: string): string {
  const first = `Sorry, ${parent} said no to ${subject} this time.${said(outcome.note, parent)}`;
  const options = (outcome.alternatives ?? [])
    .slice(0, 3)
    .map((a) => `${a.name} from ${a.restaurantName} (${formatCents(a.priceCents)})`);
  if (options.length === 0) return `${first} Want to pick something else? 🙂`;
  return `${first} You could have ${say.joinList(options, "or")} without asking. Want one of those? 🙂`;
}

function said(note: string | null | undefined, parent: string): string {
  const text = note?.trim().replace(/[.!?]*$/, "");
  return text ? ` ${say.capitalize(parent)} said: ${text}.` : "";
}

/** A cancellation's message (a parent's or the system's, e.g. "Burger Bonanza was removed"). */
function because(note: string | null | undefined): string {
  const text = note?.trim().replace(/[.!?]*$/, "");
  return text ? ` (${text})` : "";
}
