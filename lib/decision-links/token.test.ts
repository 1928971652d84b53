import { describe, expect, it } from "vitest";
import { createDecisionToken, decisionLinkUrl, verifyDecisionToken } from "./token";

const secret = "test-secret-for-decision-links";
const inOneHour = new Date(Date.now() + 3_600_000);
const base = { requestId: "req_1", parentId: "par_1", action: "approve" as const, expiresAt: inOneHour };

describe("decision link tokens", () => {
  it("round-trips the claims it was given", () => {
    const result = verifyDecisionToken(createDecisionToken(base, secret), new Date(), secret);
    expect(result).toMatchObject({ ok: true, claims: { requestId: "req_1", parentId: "par_1", action: "approve" } });
  });

  it("gives every token its own id", () => {
    const a = verifyDecisionToken(createDecisionToken(base, secret), new Date(), secret);
    const b = verifyDecisionToken(createDecisionToken(base, secret), new Date(), secret);
    expect(a.ok && b.ok && a.claims.jti !== b.claims.jti).toBe(true);
  });

  it("refuses a token whose payload was changed", () => {
    const token = createDecisionToken(base, secret);
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...base, action: "deny" })).toString("base64url");
    expect(verifyDecisionToken(`${forged}.${signature}`, new Date(), secret)).toEqual({
      ok: false,
      reason: "tampered",
    });
  });

  it("refuses a token signed with another secret", () => {
    const token = createDecisionToken(base, "another-secret");
    expect(verifyDecisionToken(token, new Date(), secret)).toEqual({ ok: false, reason: "tampered" });
  });

  it("refuses an expired token but still says what it was for", () => {
    const token = createDecisionToken(base, secret);
    const result = verifyDecisionToken(token, new Date(inOneHour.getTime() + 1000), secret);
    expect(result).toMatchObject({ ok: false, reason: "expired", claims: { requestId: "req_1" } });
  });

  it.each(["", "abc", "a.b.c", `${"x".repeat(3000)}.${"y".repeat(43)}`, "eyJ9.!!!"])("calls %j malformed", (token) => {
    expect(verifyDecisionToken(token, new Date(), secret)).toEqual({ ok: false, reason: "malformed" });
  });

  it("builds an absolute link on the app's origin", () => {
    expect(decisionLinkUrl("abc.def", "https://lunchbox.example")).toBe("https://lunchbox.example/decide/abc.def");
  });
});
