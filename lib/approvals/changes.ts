// What a parent's edit changed in an order, in plain words. Pure. The words are computed once, when the parent
// approves (from the parent's own lines, which say which dish replaced which), and stored in the audit row;
// the inbox and the child's chat read them from there.
import type { LineItem } from "@/lib/ai/tools/contracts";

export type EditLine = { dishId: string; quantity: number; replaces?: string };

/**
 * "Deluxe Burger: 2 → 1", "Deluxe Burger replaced by Classic Burger", "Fries removed", "Shake added (1)".
 * `names` gives the name of every dish in `lines` (the edited snapshot's items).
 */
export function describeOrderChanges(
  proposal: { items: LineItem[] },
  lines: EditLine[],
  names: ReadonlyMap<string, string>,
): string[] {
  const nameOf = (dishId: string) => names.get(dishId) ?? "a dish";
  const proposed = new Set(proposal.items.map((i) => i.dishId));
  const changes: string[] = [];
  for (const item of proposal.items) {
    const replacement = lines.find((l) => l.replaces === item.dishId && l.dishId !== item.dishId);
    const kept = lines.filter((l) => l.dishId === item.dishId && !l.replaces);
    if (replacement) {
      const quantity = replacement.quantity === item.quantity ? "" : ` (${item.quantity} → ${replacement.quantity})`;
      changes.push(`${item.name} replaced by ${nameOf(replacement.dishId)}${quantity}`);
    } else if (kept.length === 0) {
      changes.push(`${item.name} removed`);
    } else {
      const quantity = kept.reduce((sum, l) => sum + l.quantity, 0);
      if (quantity !== item.quantity) changes.push(`${item.name}: ${item.quantity} → ${quantity}`);
    }
  }
  for (const line of lines) {
    if (!line.replaces && !proposed.has(line.dishId)) changes.push(`${nameOf(line.dishId)} added (${line.quantity})`);
  }
  return changes;
}

/** The same words read back from an order's two snapshots, for an edit whose stored words are missing. */
export function describeSnapshotChanges(proposal: { items: LineItem[] }, edited: { items: LineItem[] }): string[] {
  return describeOrderChanges(
    proposal,
    edited.items.map((i) => ({ dishId: i.dishId, quantity: i.quantity })),
    new Map(edited.items.map((i) => [i.dishId, i.name])),
  );
}
