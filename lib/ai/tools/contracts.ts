// The agent's tools as the model sees them: input schemas and result shapes.
// Shared by the server tools, the offline model and the chat cards, so it has no I/O.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);

export const MAX_QUANTITY = 20;
export const MAX_LINES = 10;

export const listRestaurantsInput = z.object({}).strict();
export const getMenuInput = z.object({ restaurantId: id }).strict();
export const orderLineInput = z.object({ dishId: id, quantity: z.number().int().min(1).max(MAX_QUANTITY) }).strict();
export const placeOrderInput = z
  .object({ restaurantId: id, items: z.array(orderLineInput).min(1).max(MAX_LINES) })
  .strict();
export const requestRestaurantAccessInput = z.object({ restaurantId: id }).strict();

export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/** "open": anyone may order; "granted": restricted but this child has a grant; "needs-permission": restricted. */
export type RestaurantAccess = "open" | "granted" | "needs-permission";

export type RestaurantSummary = {
  id: string;
  name: string;
  restricted: boolean;
  access: RestaurantAccess;
};

export type MenuDish = { id: string; name: string; priceCents: number; premium: boolean };

export type LineItem = {
  dishId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
};

export type ListRestaurantsOutput = { restaurants: RestaurantSummary[] };

export type GetMenuOutput =
  | { status: "ok"; restaurant: RestaurantSummary; dishes: MenuDish[] }
  | { status: "not-found"; message: string };

export type PlaceOrderOutput =
  | { status: "placed"; orderId: string; restaurantName: string; items: LineItem[]; totalCents: number }
  | {
      status: "pending";
      requestId: string;
      restaurantName: string;
      items: LineItem[];
      totalCents: number;
      /** Why a parent is needed, in plain words, from lib/policy. */
      reasons: string[];
    }
  | { status: "refused"; message: string };

export type RequestRestaurantAccessOutput =
  | { status: "pending"; requestId: string; restaurantName: string; reasons: string[] }
  | { status: "already-allowed"; restaurantName: string }
  | { status: "refused"; message: string };

/**
 * Not a tool the model may call: the server writes this call and its result into the chat
 * when a parent's decision is reported, read from the database (never from the client).
 */
export type ApprovalOutcomeInput = { requestId: string };
export type ApprovalOutcomeOutput = {
  requestId: string;
  kind: "ORDER" | "RESTAURANT_ACCESS";
  status: "APPROVED" | "DENIED" | "EXPIRED" | "CANCELLED";
  restaurantName: string;
  decidedByName: string | null;
  note: string | null;
  /** For approved orders: what was placed. */
  order?: { orderId: string; items: LineItem[]; totalCents: number };
  /** For access requests: "ONCE" or "ALWAYS". */
  scope?: "ONCE" | "ALWAYS";
  /** For denied orders: dishes the child may order without asking (cheapest first). */
  alternatives?: Array<MenuDish & { restaurantName: string }>;
};
