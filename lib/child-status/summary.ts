// How a waiting request is named to the child ("2× Deluxe Burger from Burger Bonanza ($25.98)"). Pure.
import type { Snapshot } from "@/lib/approvals/snapshot";
import { formatCents } from "@/lib/money";

export function summarizeRequest(snapshot: Snapshot): string {
  switch (snapshot.kind) {
    case "ORDER": {
      const items = snapshot.items.map((i) => (i.quantity === 1 ? i.name : `${i.quantity}× ${i.name}`));
      const what =
        items.length <= 1 ? (items[0] ?? "an order") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
      return `${what} from ${snapshot.restaurant.name} (${formatCents(snapshot.totalCents)})`;
    }
    case "RESTAURANT_ACCESS":
      return `permission to order from ${snapshot.restaurant.name}`;
    case "QUESTION":
      return `your question “${snapshot.question}”`;
  }
}
