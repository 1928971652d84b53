// What a parent is asked to approve, normalized and hashed: the effect later runs from this, never from live data.
import { createHash } from "node:crypto";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { canonicalJson } from "@/lib/audit/hash";

export type OrderSnapshot = {
  kind: "ORDER";
  restaurant: { id: string; name: string };
  items: LineItem[];
  totalCents: number;
};

export type AccessSnapshot = { kind: "RESTAURANT_ACCESS"; restaurant: { id: string; name: string } };

/** The agent putting a child's question to the parents (askParent): the words are the child's, shown as such. */
export type QuestionSnapshot = { kind: "QUESTION"; question: string };

export type Snapshot = OrderSnapshot | AccessSnapshot | QuestionSnapshot;

/** The restaurant a request is about, if any (a question has none). */
export function snapshotRestaurant(snapshot: Snapshot): { id: string; name: string } | null {
  return snapshot.kind === "QUESTION" ? null : snapshot.restaurant;
}

type DishRow = { id: string; name: string; priceCents: number };

/** Merges repeated dishes, sorts lines by dish id and totals them, so equal orders get equal hashes. */
export function buildOrderSnapshot(
  restaurant: { id: string; name: string },
  lines: Array<{ dish: DishRow; quantity: number }>,
): OrderSnapshot {
  const merged = new Map<string, { dish: DishRow; quantity: number }>();
  for (const line of lines) {
    const existing = merged.get(line.dish.id);
    merged.set(line.dish.id, { dish: line.dish, quantity: (existing?.quantity ?? 0) + line.quantity });
  }
  const items: LineItem[] = [...merged.values()]
    .sort((a, b) => (a.dish.id < b.dish.id ? -1 : 1))
    .map(({ dish, quantity }) => ({
      dishId: dish.id,
      name: dish.name,
      quantity,
      unitPriceCents: dish.priceCents,
      lineTotalCents: dish.priceCents * quantity,
    }));
  return {
    kind: "ORDER",
    restaurant: { id: restaurant.id, name: restaurant.name },
    items,
    totalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
  };
}

export function hashSnapshot(snapshot: Snapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot)).digest("hex");
}
