import { describe, expect, it } from "vitest";
import { buildOrderSnapshot, hashSnapshot } from "./snapshot";

const restaurant = { id: "r1", name: "Burger Bonanza" };
const deluxe = { id: "d2", name: "Deluxe Burger", priceCents: 1299 };
const fries = { id: "d1", name: "Fries", priceCents: 349 };

describe("buildOrderSnapshot", () => {
  it("merges repeated dishes and totals in cents", () => {
    const snapshot = buildOrderSnapshot(restaurant, [
      { dish: deluxe, quantity: 1 },
      { dish: fries, quantity: 2 },
      { dish: deluxe, quantity: 1 },
    ]);
    expect(snapshot.items).toEqual([
      { dishId: "d1", name: "Fries", quantity: 2, unitPriceCents: 349, lineTotalCents: 698 },
      { dishId: "d2", name: "Deluxe Burger", quantity: 2, unitPriceCents: 1299, lineTotalCents: 2598 },
    ]);
    expect(snapshot.totalCents).toBe(3296);
  });

  it("gives the same hash to the same order in any line order, and another hash to another order", () => {
    const a = buildOrderSnapshot(restaurant, [
      { dish: deluxe, quantity: 1 },
      { dish: fries, quantity: 1 },
    ]);
    const b = buildOrderSnapshot(restaurant, [
      { dish: fries, quantity: 1 },
      { dish: deluxe, quantity: 1 },
    ]);
    const c = buildOrderSnapshot(restaurant, [
      { dish: fries, quantity: 2 },
      { dish: deluxe, quantity: 1 },
    ]);
    expect(hashSnapshot(a)).toBe(hashSnapshot(b));
    expect(hashSnapshot(a)).not.toBe(hashSnapshot(c));
    expect(hashSnapshot(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
