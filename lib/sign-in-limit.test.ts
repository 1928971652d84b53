import { describe, expect, it } from "vitest";
import { clearWrongPasswords, recordWrongPassword, signInBlockedFor } from "./sign-in-limit";

describe("sign-in limit", () => {
  it("blocks an account after 10 wrong passwords, for about 15 minutes, and not others", async () => {
    for (let i = 0; i < 9; i++) await recordWrongPassword("henry");
    expect(await signInBlockedFor("henry")).toBe(0);
    await recordWrongPassword("henry");
    const seconds = await signInBlockedFor("henry");
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(await signInBlockedFor("rose")).toBe(0);
  });

  it("a successful sign-in clears the count", async () => {
    for (let i = 0; i < 9; i++) await recordWrongPassword("jane@example.com");
    await clearWrongPasswords("jane@example.com");
    await recordWrongPassword("jane@example.com");
    expect(await signInBlockedFor("jane@example.com")).toBe(0);
  });
});
