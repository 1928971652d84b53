// The tools' input schemas as the AI SDK takes them, made once per process. Handed a zod schema, streamText wraps it
// anew and converts it to JSON Schema for the model at every step of every turn (about a tenth of a millisecond
// per tool); this wrapper converts on first use and keeps the result. Shared by the real tools and the fixtures.
import { zodSchema } from "ai";
import {
  askParentInput,
  getMenuInput,
  getMyStatusInput,
  listRestaurantsInput,
  placeOrderInput,
  requestRestaurantAccessInput,
} from "./contracts";

export const inputSchemas = {
  listRestaurants: zodSchema(listRestaurantsInput),
  getMenu: zodSchema(getMenuInput),
  placeOrder: zodSchema(placeOrderInput),
  requestRestaurantAccess: zodSchema(requestRestaurantAccessInput),
  askParent: zodSchema(askParentInput),
  getMyStatus: zodSchema(getMyStatusInput),
};
