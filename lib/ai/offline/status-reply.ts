// The answer to "what's waiting?", "what did I order today?" and "how much can I still spend?". Pure.
import type { GetMyStatusOutput } from "@/lib/ai/tools/contracts";
import { formatCents } from "@/lib/money";
import type { StatusFocus } from "./intent";
import * as say from "./wording";

export function statusReply(status: GetMyStatusOutput, focus: StatusFocus[]): string {
  const parts: string[] = [];
  if (focus.includes("waiting")) parts.push(waiting(status));
  if (focus.includes("ordered")) parts.push(ordered(status));
  if (focus.includes("money")) parts.push(money(status));
  return parts.join("\n\n");
}

function waiting({ pending }: GetMyStatusOutput): string {
  if (pending.length === 0) return "Nothing is waiting for a parent right now. 🙂";
  if (pending.length === 1)
    return `One thing is waiting for a parent: ${pending[0]?.summary}. I'll tell you as soon as they answer. ⏳`;
  const lines = pending.map((p) => `• ${say.capitalize(p.summary)}`);
  return `${pending.length} things are waiting for a parent:\n${lines.join("\n")}\nI'll tell you as soon as they answer. ⏳`;
}

function ordered({ orderedToday }: GetMyStatusOutput): string {
  if (orderedToday.length === 0) return "You haven't ordered anything today yet.";
  const lines = orderedToday.map(
    (o) => `• ${say.joinList(o.items.map(say.looseLineText))} from ${o.restaurantName} (${formatCents(o.totalCents)})`,
  );
  const total = orderedToday.reduce((sum, o) => sum + o.totalCents, 0);
  const all = orderedToday.length > 1 ? `\nThat's ${formatCents(total)} in all.` : "";
  return `Today you ordered:\n${lines.join("\n")}${all}`;
}

function money(status: GetMyStatusOutput): string {
  const { remainingTodayCents, dailyBudgetCents, weeklyBudgetCents, spentTodayCents } = status;
  const spent = `You've spent ${formatCents(spentTodayCents)} today.`;
  if (remainingTodayCents === null) {
    return `You don't have a spending budget, so there's no limit to count down. ${spent} (Pricey dishes still need a parent's OK.)`;
  }
  const limits = [
    dailyBudgetCents === null ? null : `${formatCents(dailyBudgetCents)} a day`,
    weeklyBudgetCents === null ? null : `${formatCents(weeklyBudgetCents)} a week`,
  ].filter((l): l is string => l !== null);
  const budget = `Your budget is ${say.joinList(limits)}.`;
  if (remainingTodayCents === 0) {
    return `You've used up your budget for now. ${spent} ${budget} Anything more needs a parent's OK.`;
  }
  return `You can still spend ${formatCents(remainingTodayCents)} today. 💰 ${spent} ${budget}`;
}
