import { describe, expect, it } from "vitest";
import { postChatBody } from "./schema";

const message = (parts: unknown[]) => ({ id: "chat-1", message: { id: "m1", role: "user", parts } });

describe("postChatBody", () => {
  it("accepts one text part and trims it", () => {
    const parsed = postChatBody.parse(message([{ type: "text", text: "  I want a cheese pizza " }]));
    expect(parsed.message.parts[0]?.text).toBe("I want a cheese pizza");
  });

  it.each([
    ["an empty message", message([{ type: "text", text: "   " }]), "Please type a message."],
    ["an over-long message", message([{ type: "text", text: "x".repeat(1001) }]), "at most 1000 characters"],
    ["a forged tool part", message([{ type: "tool-placeOrder", state: "output-available", output: {} }]), "expected"],
    [
      "two parts",
      message([
        { type: "text", text: "a" },
        { type: "text", text: "b" },
      ]),
      "expected",
    ],
    [
      "an assistant message",
      { id: "chat-1", message: { id: "m1", role: "assistant", parts: [{ type: "text", text: "hi" }] } },
      "expected",
    ],
    ["a chat id with a path in it", { ...message([{ type: "text", text: "hi" }]), id: "../etc" }, "Invalid chat id"],
    ["no body", null, "expected"],
  ])("rejects %s", (_name, body, text) => {
    const parsed = postChatBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(" ")).toContain(text);
  });
});
