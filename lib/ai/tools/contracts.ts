// The agent's tools as the model sees them: input schemas and result shapes.
// Shared by the server tools, the offline model and the chat cards, so it has no I/O.
import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY, MAX_QUESTION_LENGTH } from "./limits";

export { MAX_LINES, MAX_QUANTITY, MAX_QUESTION_LENGTH };

const id = z.string().trim().min(1).max(64);

export const listRestaurantsInput = z.object({}).strict();
export const getMenuInput = z.object({ restaurantId: id }).strict();
export const orderLineInput = z.object({ dishId: id, quantity: z.number().int().min(1).max(MAX_QUANTITY) }).strict();
export const placeOrderInput = z
  .object({ restaurantId: id, items: z.array(orderLineInput).min(1).max(MAX_LINES) })
  .strict();
export const requestRestaurantAccessInput = z.object({ restaurantId: id }).strict();
export const askParentInput = z.object({ question: z.string().trim().min(3).max(MAX_QUESTION_LENGTH) }).strict();
export const getMyStatusInput = z.object({}).strict();

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

export type AskParentOutput =
  | { status: "pending"; requestId: string; question: string }
  | { status: "refused"; message: string };

/** The child's own standing: what waits for a parent, what was ordered today, and what is left to spend. */
export type GetMyStatusOutput = {
  pending: Array<{ requestId: string; kind: "ORDER" | "RESTAURANT_ACCESS" | "QUESTION"; summary: string }>;
  orderedToday: Array<{ orderId: string; restaurantName: string; items: LineItem[]; totalCents: number }>;
  spentTodayCents: number;
  /** Null when the child has no budget. */
  remainingTodayCents: number | null;
  dailyBudgetCents: number | null;
  weeklyBudgetCents: number | null;
};

/**
 * Not a tool the model may call: the server writes this call and its result into the chat
 * when a parent's decision is reported, read from the database (never from the client).
 */
export type ApprovalOutcomeInput = { requestId: string };
export type ApprovalOutcomeOutput = {
  requestId: string;
  kind: "ORDER" | "RESTAURANT_ACCESS" | "QUESTION";
  status: "APPROVED" | "DENIED" | "ANSWERED" | "EXPIRED" | "CANCELLED";
  /** Null for a question. */
  restaurantName: string | null;
  /** For a question: what was asked, and the parent's answer (also in `note`). */
  question?: string;
  /** For an order a parent edited before approving: each change in plain words ("Deluxe Burger: 2 → 1"). */
  changes?: string[];
  decidedByName: string | null;
  note: string | null;
  /** For approved orders: what was placed. */
  order?: { orderId: string; items: LineItem[]; totalCents: number };
  /** What the parent allowed: this time only, or always (this restaurant / this dish). */
  scope?: "ONCE" | "ALWAYS_RESTAURANT" | "ALWAYS_DISH";
  /** For denied orders: dishes the child may order without asking (cheapest first). */
  alternatives?: Array<MenuDish & { restaurantName: string }>;
};
