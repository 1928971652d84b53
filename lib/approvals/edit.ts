import "server-only";
import { MAX_QUANTITY } from "@/lib/ai/tools/contracts";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeOrderChanges } from "./changes";
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
  const snapshot = buildOrderSnapshot(proposal.restaurant, lines);
  const tooMany = snapshot.items.find((i) => i.quantity > MAX_QUANTITY);
  if (tooMany) throw new AppError("bad_request:edit", `At most ${MAX_QUANTITY} of ${tooMany.name}.`);

  // Same dishes, same quantities: nothing to approve but the proposal itself, at the prices the parent was shown.
  if (sameLines(proposal, snapshot)) return null;
  return {
    snapshot,
    proposedHash: hashSnapshot(proposal),
    editedHash: hashSnapshot(snapshot),
    changes: describeOrderChanges(proposal, snapshot),
  };
}

function sameLines(a: OrderSnapshot, b: OrderSnapshot): boolean {
  const key = (s: OrderSnapshot) => s.items.map((i) => `${i.dishId}×${i.quantity}`).join(",");
  return key(a) === key(b);
}
