// What a decision link's page asks, in words built from the stored request only (never model text). Pure.
import type { DecisionLinkAction } from "./token";

type Subject = { kind: string; childName: string; restaurantName: string | null };

export function linkQuestion(action: DecisionLinkAction, item: Subject): string {
  const { childName: child, restaurantName: restaurant } = item;
  if (item.kind === "QUESTION") return `${child} asks a question`;
  if (item.kind === "RESTAURANT_ACCESS") {
    if (action === "approve") return `Let ${child} use ${restaurant}?`;
    if (action === "deny") return `Deny ${child} the use of ${restaurant}?`;
    return `${child} asks to use ${restaurant}`;
  }
  if (action === "approve") return `Approve ${child}'s order from ${restaurant}?`;
  if (action === "deny") return `Deny ${child}'s order from ${restaurant}?`;
  return `${child}'s order from ${restaurant}`;
}
