// Shapes shared by the offline model's steps. No I/O, no SDK types beyond the tool names.

export type OfflineCatalogue = {
  restaurants: Array<{
    id: string;
    name: string;
    restricted: boolean;
    dishes: Array<{ id: string; name: string; priceCents: number }>;
  }>;
};

export type CatalogueRestaurant = OfflineCatalogue["restaurants"][number];

/** A dish with the restaurant it belongs to, so resolution never loses where it came from. */
export type CatalogueDish = {
  id: string;
  name: string;
  priceCents: number;
  restaurantId: string;
  restaurantName: string;
};

export type PlannedCall =
  | { toolName: "listRestaurants"; input: Record<string, never> }
  | { toolName: "getMenu"; input: { restaurantId: string } }
  | { toolName: "requestRestaurantAccess"; input: { restaurantId: string } }
  | { toolName: "placeOrder"; input: { restaurantId: string; items: Array<{ dishId: string; quantity: number }> } }
  | { toolName: "askParent"; input: { question: string } }
  | { toolName: "getMyStatus"; input: Record<string, never> };

/** What the model does with a child's message: call tools (with notes for the later reply) or just answer. */
export type Plan = { kind: "tools"; calls: PlannedCall[]; notes: string[] } | { kind: "text"; text: string };

/** What earlier turns tell us, read from the prompt before the latest child message. */
export type TurnContext = {
  /** The restaurant talked about most recently (menu shown, order placed, named by the child). */
  restaurantId?: string;
  /** The child's previous message, to carry a quantity over an "which one?" question. */
  previousUserText?: string;
  /** A call the last reply offered to make ("want me to ask again?"), done when the child says yes. */
  offeredCall?: PlannedCall;
  /** The last reply asked "what would you like me to ask?": this message is the question. */
  awaitingQuestion?: boolean;
};
