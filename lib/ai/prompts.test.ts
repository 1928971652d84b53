import { describe, expect, it } from "vitest";
import { systemPrompt } from "./prompts";

describe("system prompt", () => {
  it("tells a real model that an expired request is not a refusal, and to offer to ask again", () => {
    const prompt = systemPrompt({ childName: "Henry" });
    const line = prompt.split("\n").find((l) => l.includes("EXPIRED")) ?? "";
    expect(line).toMatch(/no parent answered in time/);
    expect(line).toMatch(/never that a parent said no/);
    expect(line).toMatch(/offer to ask again/);
  });
});
