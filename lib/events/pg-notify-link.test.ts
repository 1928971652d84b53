import { describe, expect, it } from "vitest";
import { decodePayload, encodePayload } from "./pg-notify-link";

describe("live-update NOTIFY payload", () => {
  it("carries the sender and the family, and reads back", () => {
    const text = encodePayload("instance-1", "family-1");
    expect(decodePayload(text)).toEqual({ instanceId: "instance-1", familyId: "family-1" });
    expect(Buffer.byteLength(text)).toBeLessThan(100);
  });

  it("refuses what PostgreSQL would refuse (8000 bytes or more)", () => {
    expect(() => encodePayload("instance-1", "f".repeat(8000))).toThrow(/NOTIFY limit/);
  });

  it.each([["not json"], ["{}"], ['{"i":"x"}'], ['{"i":"","f":"y"}'], ["[1,2]"]])(
    "ignores a malformed payload: %s",
    (text) => {
      expect(decodePayload(text)).toBeNull();
    },
  );
});
