import type { ChatMessage } from "./types";

/** The ids of the requests a chat's cards show (a request asked again in another chat is shared). */
export function requestIdsIn(messages: ChatMessage[]): string[] {
  const ids = new Set<string>();
  for (const message of messages) {
    for (const part of message.parts) {
      if (
        (part.type === "tool-placeOrder" ||
          part.type === "tool-requestRestaurantAccess" ||
          part.type === "tool-askParent") &&
        part.state === "output-available" &&
        part.output.status === "pending"
      ) {
        ids.add(part.output.requestId);
      }
    }
  }
  return [...ids];
}
