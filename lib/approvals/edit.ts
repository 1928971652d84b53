import "server-only";
import { MAX_QUANTITY } from "@/lib/ai/tools/contracts";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeOrderChanges, type EditLine } from "./changes";
import { orderEditInput } from "./edit-input";
import { buildOrderSnapshot, hashSnapshot, type OrderSnapshot } from "./snapshot";

export type OrderEdit = {
  snapshot: OrderSnapshot;
  proposedHash: string;
  editedHash: string;
  changes: string[];
};

/**
 * The parent's edit as an order snapshot, priced from the database: every dish must be on the current menu of
 * the request's own restaurant (same family, not removed). Null when the edit changes nothing (a plain approval).
 * Bad input throws before anything is written.
 */
export async function buildOrderEdit(
  tx: Tx,
  { familyId, proposal, input }: { familyId: string; proposal: OrderSnapshot; input: unknown },
): Promise<OrderEdit | null> {
  const parsed = orderEditInput.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request:edit", parsed.error.issues[0]?.message ?? "Invalid edit.");
  const dishIds = [...new Set(parsed.data.items.map((i) => i.dishId))];
  const dishes = await tx.dish.findMany({
    where: { id: { in: dishIds }, familyId, restaurantId: proposal.restaurant.id },
    select: { id: true, name: true, priceCents: true, archived: true },
  });
  const byId = new Map(dishes.map((d) => [d.id, d]));
  const lines = parsed.data.items.map((line) => {
    const dish = byId.get(line.dishId);
    // Another restaurant's or another family's dish reads the same as an unknown one: not on this menu.
    if (!dish) throw new AppError("bad_request:edit", `That dish is not on the menu of ${proposal.restaurant.name}.`);
    if (dish.archived) throw new AppError("bad_request:edit", `${dish.name} is no longer on the menu.`);
    return { dish, quantity: line.quantity };
  });
  checkReplacements(proposal, parsed.data.items);
  const snapshot = buildOrderSnapshot(proposal.restaurant, lines);
  const tooMany = snapshot.items.find((i) => i.quantity > MAX_QUANTITY);
  if (tooMany) throw new AppError("bad_request:edit", `At most ${MAX_QUANTITY} of ${tooMany.name}.`);

  // Same dishes, same quantities: nothing to approve but the proposal itself, at the prices the parent was shown.
  if (sameLines(proposal, snapshot)) return null;
  return {
    snapshot,
    proposedHash: hashSnapshot(proposal),
    editedHash: hashSnapshot(snapshot),
    changes: describeOrderChanges(proposal, parsed.data.items, new Map(dishes.map((d) => [d.id, d.name]))),
  };
}

function sameLines(a: OrderSnapshot, b: OrderSnapshot): boolean {
  const key = (s: OrderSnapshot) => s.items.map((i) => `${i.dishId}×${i.quantity}`).join(",");
  return key(a) === key(b);
}

/** A line may say which proposed dish it replaces: one of the proposal's, each at most once, and not also kept. */
function checkReplacements(proposal: OrderSnapshot, items: EditLine[]): void {
  const proposed = new Set(proposal.items.map((i) => i.dishId));
  const replaced = items.flatMap((l) => (l.replaces && l.replaces !== l.dishId ? [l.replaces] : []));
  const kept = new Set(items.filter((l) => !l.replaces).map((l) => l.dishId));
  if (replaced.some((id) => !proposed.has(id) || kept.has(id)) || new Set(replaced).size !== replaced.length) {
    throw new AppError("bad_request:edit", "Each dish of the order can be kept or replaced, not both.");
  }
}
