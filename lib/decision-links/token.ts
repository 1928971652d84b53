import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// A one-tap decision link: `/decide/<token>`. The token is `<payload>.<signature>`, both base64url; the payload
// binds the request, the parent and the action, and carries an expiry and a random id that is recorded when the
// token is used, so it works once. Signed with a key derived from AUTH_SECRET (a label keeps it apart from the
// session cookies that secret also signs).

export const DECISION_LINK_ACTIONS = ["open", "approve", "deny"] as const;
export type DecisionLinkAction = (typeof DECISION_LINK_ACTIONS)[number];

const claimsSchema = z.object({
  v: z.literal(1),
  requestId: z.string().min(1).max(64),
  parentId: z.string().min(1).max(64),
  action: z.enum(DECISION_LINK_ACTIONS),
  /** Unix seconds. */
  exp: z.number().int().positive(),
  jti: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type DecisionLinkClaims = z.infer<typeof claimsSchema>;

export type VerifiedToken =
  | { ok: true; claims: DecisionLinkClaims }
  | { ok: false; reason: "malformed" | "tampered" | "expired"; claims?: DecisionLinkClaims };

function signingKey(secret = process.env.AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set: decision links cannot be signed");
  return createHmac("sha256", secret).update("lunchbox decision link v1").digest();
}

function sign(payload: string, key: Buffer): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

export function createDecisionToken(
  input: { requestId: string; parentId: string; action: DecisionLinkAction; expiresAt: Date },
  secret?: string,
): string {
  const claims: DecisionLinkClaims = {
    v: 1,
    requestId: input.requestId,
    parentId: input.parentId,
    action: input.action,
    exp: Math.floor(input.expiresAt.getTime() / 1000),
    jti: randomBytes(16).toString("base64url"),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign(payload, signingKey(secret))}`;
}

/** Checks shape, signature (constant time) and expiry. Single use is the caller's job: record `claims.jti`. */
export function verifyDecisionToken(token: string, now = new Date(), secret?: string): VerifiedToken {
  const match = /^(?<payload>[A-Za-z0-9_-]{1,2048})\.(?<signature>[A-Za-z0-9_-]{43})$/.exec(token);
  const payload = match?.groups?.payload;
  const signature = match?.groups?.signature;
  if (!payload || !signature) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload, signingKey(secret)));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: "tampered" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = claimsSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired", claims: parsed.data };
  return { ok: true, claims: parsed.data };
}

/** The absolute link put in an email, push notification or webhook. `APP_URL` is the app's public origin. */
export function decisionLinkUrl(token: string, appUrl = process.env.APP_URL || "http://localhost:3000"): string {
  return new URL(`/decide/${token}`, appUrl).toString();
}
