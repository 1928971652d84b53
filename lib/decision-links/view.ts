import "server-only";
import { getRequestItem, type InboxItem } from "@/lib/approvals/queries";
import type { Actor } from "@/lib/authz";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { type DecisionLinkClaims, verifyDecisionToken } from "./token";

/** The parent a link was sent to; `login` is what they sign in with, the key of the wrong-password limit. */
export type LinkParent = { id: string; name: string; familyId: string; login: string };

/**
 * What a decision link leads to, for the page (GET) and again for the confirm (POST). Reads only: opening a
 * link, also by a mail scanner fetching it, never changes anything.
 * Nothing about the request is read before the link's signature, its parent and the session are checked, so a
 * refused page cannot show another family's or a child's eyes anything.
 */
export type LinkView =
  | { kind: "invalid" }
  | { kind: "expired-link" }
  | { kind: "child" }
  /** Signed in as someone else; `parentName` only when they are of the same family. */
  | { kind: "wrong-parent"; parentName: string | null }
  | { kind: "used"; item: InboxItem; timeZone: string }
  | { kind: "closed"; item: InboxItem; timeZone: string }
  | { kind: "ready"; claims: DecisionLinkClaims; parent: LinkParent; item: InboxItem; timeZone: string };

export async function viewDecisionLink(input: { token: string; session: Actor | null; now?: Date }): Promise<LinkView> {
  const now = input.now ?? new Date();
  const verified = verifyDecisionToken(input.token, now);
  if (!verified.ok) return { kind: verified.reason === "expired" ? "expired-link" : "invalid" };
  const { claims } = verified;

  const user = await db.user.findUnique({
    where: { id: claims.parentId },
    select: { id: true, name: true, role: true, familyId: true, active: true, email: true, username: true },
  });
  // A parent removed (or demoted) since the link was sent: the link is dead, as their session would be.
  if (!user?.active || user.role !== "PARENT") return { kind: "invalid" };

  if (input.session) {
    if (input.session.role !== "PARENT") return { kind: "child" };
    if (input.session.id !== user.id) {
      return { kind: "wrong-parent", parentName: input.session.familyId === user.familyId ? user.name : null };
    }
  }

  const item = await getRequestItem({ familyId: user.familyId, requestId: claims.requestId });
  if (!item) return { kind: "invalid" };
  const { timeZone } = await getFamilyRules({ familyId: user.familyId });
  const used = await db.usedDecisionLink.findUnique({ where: { jti: claims.jti }, select: { jti: true } });
  if (used) return { kind: "used", item, timeZone };
  // Past its expiry but not swept yet: shown as expired; the sweeper (or a confirm) writes it.
  if (item.status === "PENDING" && item.expiresAt <= now) {
    return { kind: "closed", item: { ...item, status: "EXPIRED", decidedAt: item.expiresAt }, timeZone };
  }
  if (item.status !== "PENDING") return { kind: "closed", item, timeZone };
  const parent: LinkParent = {
    id: user.id,
    name: user.name,
    familyId: user.familyId,
    login: (user.email ?? user.username ?? user.id).toLowerCase(),
  };
  return { kind: "ready", claims, parent, item, timeZone };
}
