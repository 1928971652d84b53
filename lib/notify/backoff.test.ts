import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, JITTER, MAX_ATTEMPTS, retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles from 30 seconds", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, noJitter))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it("adds at most 20 % jitter", () => {
    expect(retryDelayMs(1, () => 0.999_999)).toBe(Math.round(BASE_DELAY_MS * (1 + JITTER * 0.999_999)));
    expect(retryDelayMs(3, () => 0.5)).toBe(132_000);
  });

  it("gives up after five attempts, within about ten minutes of retries", () => {
    expect(MAX_ATTEMPTS).toBe(5);
    const worst = [1, 2, 3, 4].reduce((sum, n) => sum + retryDelayMs(n, () => 1), 0);
    expect(worst).toBe(540_000);
  });
});
