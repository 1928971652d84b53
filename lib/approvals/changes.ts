// What a parent's edit changed in an order, in plain words. Pure: the audit row, the inbox and the child's
// chat all read the same words, computed from the two stored snapshots.
import type { LineItem } from "@/lib/ai/tools/contracts";

type Lines = { items: LineItem[] };

/**
 * "Deluxe Burger: 2 → 1", "Fries removed", "Classic Burger added (1)". When exactly one dish left and exactly
 * one came in, that is a replacement ("Deluxe Burger replaced by Classic Burger"); with more, the snapshots
 * cannot tell which replaced which, so each is named as removed or added rather than guessed.
 */
export function describeOrderChanges(proposal: Lines, edited: Lines): string[] {
  const before = new Map(proposal.items.map((i) => [i.dishId, i]));
  const after = new Map(edited.items.map((i) => [i.dishId, i]));
  const removed = proposal.items.filter((i) => !after.has(i.dishId));
  const added = edited.items.filter((i) => !before.has(i.dishId));
  const changes: string[] = [];

  for (const item of proposal.items) {
    const now = after.get(item.dishId);
    if (now && now.quantity !== item.quantity) changes.push(`${item.name}: ${item.quantity} → ${now.quantity}`);
  }
  const [gone] = removed;
  const [came] = added;
  if (removed.length === 1 && added.length === 1 && gone && came) {
    const quantity = gone.quantity === came.quantity ? "" : ` (${gone.quantity} → ${came.quantity})`;
    changes.push(`${gone.name} replaced by ${came.name}${quantity}`);
    return changes;
  }
  for (const item of removed) changes.push(`${item.name} removed`);
  for (const item of added) changes.push(`${item.name} added (${item.quantity})`);
  return changes;
}
