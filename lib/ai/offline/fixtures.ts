// Test fixtures: the seed catalogue, tools that answer like the real ones, and prompt parts.
import { tool } from "ai";
import type {
  AskParentOutput,
  GetMenuOutput,
  GetMyStatusOutput,
  ListRestaurantsOutput,
  PlaceOrderInput,
  PlaceOrderOutput,
  RequestRestaurantAccessOutput,
} from "@/lib/ai/tools/contracts";
import { inputSchemas } from "@/lib/ai/tools/input-schemas";
import type { OfflineCatalogue } from "./types";

export const SEED_CATALOGUE: OfflineCatalogue = {
  restaurants: [
    {
      id: "r-pizza",
      name: "Pizza Palace",
      restricted: false,
      dishes: [
        { id: "d-cheese", name: "Cheese Pizza", priceCents: 899 },
        { id: "d-pepperoni", name: "Pepperoni Pizza", priceCents: 1099 },
        { id: "d-veggie", name: "Veggie Pizza", priceCents: 949 },
      ],
    },
    {
      id: "r-burger",
      name: "Burger Bonanza",
      restricted: false,
      dishes: [
        { id: "d-classic", name: "Classic Burger", priceCents: 799 },
        { id: "d-deluxe", name: "Deluxe Burger", priceCents: 1299 },
        { id: "d-fries", name: "Fries", priceCents: 349 },
      ],
    },
    {
      id: "r-french",
      name: "Fancy French",
      restricted: true,
      dishes: [
        { id: "d-escargot", name: "Escargot", priceCents: 1599 },
        { id: "d-foie", name: "Foie Gras", priceCents: 1999 },
        { id: "d-truffle", name: "Truffle Pasta", priceCents: 1849 },
      ],
    },
    {
      id: "r-sushi",
      name: "Sushi World",
      restricted: true,
      dishes: [
        { id: "d-california", name: "California Roll", priceCents: 699 },
        { id: "d-platter", name: "Sushi Platter", priceCents: 2299 },
        { id: "d-tempura", name: "Tempura", priceCents: 999 },
      ],
    },
  ],
};

export const RESTAURANTS: ListRestaurantsOutput = {
  restaurants: SEED_CATALOGUE.restaurants.map((r) => ({
    id: r.id,
    name: r.name,
    restricted: r.restricted,
    access: r.restricted ? "needs-permission" : "open",
  })),
};

export function menuOf(restaurantId: string): GetMenuOutput {
  const r = SEED_CATALOGUE.restaurants.find((x) => x.id === restaurantId);
  if (!r) return { status: "not-found", message: "That restaurant doesn't exist." };
  const dishes = r.dishes.map((d) => ({ ...d, premium: d.priceCents > 1000 }));
  const access = r.restricted ? "needs-permission" : "open";
  return { status: "ok", restaurant: { id: r.id, name: r.name, restricted: r.restricted, access }, dishes };
}

/** Prices every line from the catalogue; premium lines make the order pending, like the real policy. */
export function fakeOrder(input: PlaceOrderInput): PlaceOrderOutput {
  const r = SEED_CATALOGUE.restaurants.find((x) => x.id === input.restaurantId);
  if (!r) return { status: "refused", message: "That restaurant doesn't exist." };
  const items = input.items.map(({ dishId, quantity }) => {
    const d = r.dishes.find((x) => x.id === dishId);
    if (!d) throw new Error(`unknown dish ${dishId}`);
    return { dishId, name: d.name, quantity, unitPriceCents: d.priceCents, lineTotalCents: d.priceCents * quantity };
  });
  const totalCents = items.reduce((sum, i) => sum + i.lineTotalCents, 0);
  const premium = items.filter((i) => i.unitPriceCents > 1000);
  if (premium.length === 0) return { status: "placed", orderId: "o-1", restaurantName: r.name, items, totalCents };
  const reasons = premium.map(
    (i) => `${i.name} costs $${(i.unitPriceCents / 100).toFixed(2)}, above the $10.00 limit.`,
  );
  return { status: "pending", requestId: "q-1", restaurantName: r.name, items, totalCents, reasons };
}

export type FakeToolOptions = { placeOrder?: (input: PlaceOrderInput) => PlaceOrderOutput };

/** The child's tools with canned answers; every call is recorded in `calls`. */
export function fakeTools(overrides: FakeToolOptions = {}) {
  const calls: Array<{ toolName: string; input: unknown }> = [];
  const record = <T>(toolName: string, input: unknown, output: T) => {
    calls.push({ toolName, input });
    return output;
  };
  const tools = {
    listRestaurants: tool({
      inputSchema: inputSchemas.listRestaurants,
      execute: async (input) => record("listRestaurants", input, RESTAURANTS),
    }),
    getMenu: tool({
      inputSchema: inputSchemas.getMenu,
      execute: async (input) => record("getMenu", input, menuOf(input.restaurantId)),
    }),
    placeOrder: tool({
      inputSchema: inputSchemas.placeOrder,
      execute: async (input) => record("placeOrder", input, (overrides.placeOrder ?? fakeOrder)(input)),
    }),
    askParent: tool({
      inputSchema: inputSchemas.askParent,
      execute: async (input): Promise<AskParentOutput> =>
        record("askParent", input, { status: "pending", requestId: "q-ask", question: input.question }),
    }),
    getMyStatus: tool({
      inputSchema: inputSchemas.getMyStatus,
      execute: async (input): Promise<GetMyStatusOutput> =>
        record("getMyStatus", input, {
          pending: [{ requestId: "q-1", kind: "ORDER", summary: "Deluxe Burger from Burger Bonanza ($12.99)" }],
          orderedToday: [],
          spentTodayCents: 0,
          remainingTodayCents: 750,
          dailyBudgetCents: 750,
          weeklyBudgetCents: null,
        }),
    }),
    requestRestaurantAccess: tool({
      inputSchema: inputSchemas.requestRestaurantAccess,
      execute: async (input): Promise<RequestRestaurantAccessOutput> =>
        record("requestRestaurantAccess", input, {
          status: "pending",
          requestId: "q-9",
          restaurantName: "Sushi World",
          reasons: ["Sushi World is a restricted restaurant: a parent has to allow it first."],
        }),
    }),
  };
  return { calls, tools };
}

export function toolCall(toolCallId: string, toolName: string, input: unknown) {
  return { type: "tool-call" as const, toolCallId, toolName, input };
}

export function toolResult(toolCallId: string, toolName: string, value: unknown) {
  return {
    type: "tool-result" as const,
    toolCallId,
    toolName,
    output: { type: "json" as const, value: value as never },
  };
}
