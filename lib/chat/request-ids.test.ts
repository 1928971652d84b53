import { describe, expect, it } from "vitest";
import { requestIdsIn } from "./request-ids";
import type { ChatMessage } from "./types";

const pendingOrder = (requestId: string): ChatMessage["parts"][number] => ({
  type: "tool-placeOrder",
  toolCallId: `call-${requestId}`,
  state: "output-available",
  input: { restaurantId: "r1", items: [{ dishId: "d1", quantity: 1 }] },
  output: { status: "pending", requestId, restaurantName: "R", items: [], totalCents: 0, reasons: [] },
});

describe("requestIdsIn", () => {
  it("finds every pending order and access request shown in the chat, once each", () => {
    const messages: ChatMessage[] = [
      { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] },
      { id: "m2", role: "assistant", parts: [pendingOrder("req-1"), pendingOrder("req-1")] },
      {
        id: "m3",
        role: "assistant",
        parts: [
          {
            type: "tool-requestRestaurantAccess",
            toolCallId: "c3",
            state: "output-available",
            input: { restaurantId: "r2" },
            output: { status: "pending", requestId: "req-2", restaurantName: "S", reasons: [] },
          },
          {
            type: "tool-placeOrder",
            toolCallId: "c4",
            state: "output-available",
            input: { restaurantId: "r1", items: [{ dishId: "d1", quantity: 1 }] },
            output: { status: "placed", orderId: "o1", restaurantName: "R", items: [], totalCents: 0 },
          },
        ],
      },
    ];
    expect(requestIdsIn(messages)).toEqual(["req-1", "req-2"]);
  });

  it("includes questions put to the parents, but not refused ones", () => {
    const messages: ChatMessage[] = [
      {
        id: "m1",
        role: "assistant",
        parts: [
          {
            type: "tool-askParent",
            toolCallId: "c1",
            state: "output-available",
            input: { question: "Can I have dessert?" },
            output: { status: "pending", requestId: "req-q", question: "Can I have dessert?" },
          },
          {
            type: "tool-askParent",
            toolCallId: "c2",
            state: "output-available",
            input: { question: "Another?" },
            output: { status: "refused", message: "Too many." },
          },
        ],
      },
    ];
    expect(requestIdsIn(messages)).toEqual(["req-q"]);
  });
});
