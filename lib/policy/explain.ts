// The one place where rule codes become words, for parents' cards and the child's chat alike.
import { formatCents } from "@/lib/money";
import type { Reason } from "./types";

export function explainReason(reason: Reason): string {
  switch (reason.code) {
    case "DISH_PREMIUM":
      return `${reason.dish} costs ${formatCents(reason.priceCents)}, above the ${formatCents(reason.limitCents)} limit for premium dishes.`;
    case "RESTAURANT_RESTRICTED":
      return `${reason.restaurant} is a restricted restaurant: a parent has to allow it first.`;
    case "BUDGET_DAILY":
      return `This order (${formatCents(reason.orderCents)}) would go over the daily budget of ${formatCents(reason.limitCents)}: ${formatCents(reason.spentCents)} is already spent today.`;
    case "BUDGET_WEEKLY":
      return `This order (${formatCents(reason.orderCents)}) would go over the weekly budget of ${formatCents(reason.limitCents)}: ${formatCents(reason.spentCents)} is already spent this week.`;
    case "OUTSIDE_HOURS":
      return `Ordering hours are ${reason.start}–${reason.end}, and it is outside them now.`;
    case "QUESTION_FOR_PARENT":
      return "Only a parent can answer this question.";
    case "PENDING_CAP":
      return `There are already ${reason.max} requests waiting for a parent. Please wait for an answer before asking again.`;
    case "RESTAURANT_UNAVAILABLE":
      return `${reason.restaurant} is no longer available.`;
    case "DISH_UNAVAILABLE":
      return `${reason.dish} is no longer on the menu.`;
  }
}

export function explainReasons(reasons: Reason[]): string[] {
  return reasons.map(explainReason);
}
