// Children's accounts through the real services and a real SQLite file.
import bcrypt from "bcryptjs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { submitAccessRequest } from "@/lib/approvals/request-access";
import { isUniqueViolation } from "@/lib/database/unique";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { createChild, getChildren, removeChild, renameChild, resetChildSecret } from "./children";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function lastAudit(action: string) {
  return db.auditEvent.findFirstOrThrow({ where: { familyId: f.a.familyId, action }, orderBy: { seq: "desc" } });
}

async function fieldErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details?.fieldErrors as Record<string, string>;
}

async function counts() {
  const [users, audit] = await Promise.all([db.user.count(), db.auditEvent.count()]);
  return { users, audit };
}

describe("children", () => {
  it("adds a child who can sign in with the PIN (hash only), audited without secrets", async () => {
    const child = await createChild(f.a.jane, { name: "Ivy", username: "Ivy.K", secret: "2468" });
    const row = await db.user.findUniqueOrThrow({ where: { id: child.id } });
    expect(row).toMatchObject({ role: "CHILD", familyId: f.a.familyId, username: "ivy.k", active: true });
    expect(row.passwordHash).not.toContain("2468");
    expect(await bcrypt.compare("2468", row.passwordHash)).toBe(true);
    expect(row.passwordHash.startsWith("$2b$10$")).toBe(true);
    const audit = await lastAudit("child.created");
    expect(audit.data).toEqual({ childId: child.id, name: "Ivy", username: "ivy.k" });
    expect(audit.childId).toBe(child.id);
    expect((await getChildren({ familyId: f.a.familyId })).map((c) => c.name)).toContain("Ivy");
  });

  it.each([
    [{ username: "henry" }, "username", "taken"],
    [{ username: "DANA" }, "username", "taken"],
    [{ username: "no spaces" }, "username", "Use only letters"],
    [{ username: "ab" }, "username", "at least 3"],
    [{ secret: "12" }, "secret", "4 to 8 digits"],
    [{ secret: "short" }, "secret", "at least 8"],
    [{ name: "" }, "name", "Enter a name"],
  ])("refuses %j and creates nobody", async (change, field, message) => {
    const before = await counts();
    const errors = await fieldErrorOf(
      createChild(f.a.jane, { name: "Max", username: "max.t", secret: "13579", ...change }),
    );
    expect(errors[field]).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("says a taken username and a bad PIN together", async () => {
    const errors = await fieldErrorOf(createChild(f.a.jane, { name: "Max", username: "Rose", secret: "12" }));
    expect(errors).toEqual({
      username: "The username rose is taken. Try another one.",
      secret: "A PIN has 4 to 8 digits.",
    });
  });

  it("two families adding one username at the same moment: one child, the other gets the field error", async () => {
    // On PostgreSQL both checks can pass together; the unique constraint then decides (isUniqueViolation).
    for (const round of [1, 2, 3]) {
      const username = `twin.${round}`;
      const results = await Promise.allSettled([
        createChild(f.a.jane, { name: "Sam", username, secret: "2468" }),
        createChild(f.b.quinn, { name: "Sam", username, secret: "1357" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [refused] = results.filter((r) => r.status === "rejected");
      expect((refused?.reason as AppError | undefined)?.details?.fieldErrors).toEqual({
        username: `The username ${username} is taken. Try another one.`,
      });
      expect(await db.user.count({ where: { username } })).toBe(1);
    }
  });

  it("recognises the database's own unique violation on username (P2002), and only on that field", async () => {
    const error = await db.user
      .create({ data: { familyId: f.b.familyId, role: "CHILD", name: "Copy", username: "henry", passwordHash: "x" } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error, "username")).toBe(true);
    expect(isUniqueViolation(error, "email")).toBe(false);
    expect(isUniqueViolation(new Error("P2002"), "username")).toBe(false);
  });

  it("renames and resets the password, each with one audit row; a parent or another family's child is not found", async () => {
    const { id } = await createChild(f.a.jane, { name: "Otto", username: "otto", secret: "longpassword" });
    expect(await renameChild(f.a.joe, { childId: id, name: "Otto B" })).toBe("Otto");
    expect((await lastAudit("child.updated")).data).toEqual({ childId: id, name: "Otto B", previousName: "Otto" });
    expect(await renameChild(f.a.joe, { childId: id, name: "Otto B" })).toBeNull();
    expect(await countAudit(f.a.familyId, "child.updated", id)).toBe(1);

    await resetChildSecret(f.a.joe, { childId: id, secret: "97531" });
    const row = await db.user.findUniqueOrThrow({ where: { id } });
    expect(await bcrypt.compare("97531", row.passwordHash)).toBe(true);
    expect((await lastAudit("child.password_reset")).data).toEqual({ childId: id, name: "Otto B" });
    expect(JSON.stringify((await lastAudit("child.password_reset")).data)).not.toContain("$2b$");

    const errors = await fieldErrorOf(resetChildSecret(f.a.joe, { childId: id, secret: "abc" }));
    expect(errors.secret).toContain("at least 8");

    const before = await counts();
    for (const childId of [f.b.dana.id, f.a.joe.id, f.a.jane.id]) {
      await expect(renameChild(f.a.jane, { childId, name: "Hacked" })).rejects.toMatchObject({ type: "not_found" });
      await expect(resetChildSecret(f.a.jane, { childId, secret: "12345" })).rejects.toMatchObject({
        type: "not_found",
      });
      await expect(removeChild(f.a.jane, { childId })).rejects.toMatchObject({ type: "not_found" });
    }
    expect(await counts()).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: f.b.dana.id } })).toMatchObject({
      name: "Dana",
      active: true,
    });
  });

  it("removing a child frees the username, revokes grants and cancels only their pending requests", async () => {
    const child = await createChild(f.a.jane, { name: "Leo", username: "leo", secret: "1111" });
    const leo = { id: child.id, name: "Leo", role: "CHILD" as const, familyId: f.a.familyId };
    const sushi = f.a.restaurant("Sushi World");
    await db.accessGrant.create({
      data: { familyId: f.a.familyId, childId: leo.id, restaurantId: sushi.id, scope: "ALWAYS" },
    });
    const ctx = await newChatContext(leo);
    const deluxe = f.a.dish("Deluxe Burger");
    const order = await submitOrder(
      ctx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 1 }] },
      toolCallId(),
    );
    const access = await submitAccessRequest(ctx, f.a.restaurant("Fancy French").id, toolCallId());
    const henrysCtx = await newChatContext(f.a.henry);
    const henrys = await submitOrder(
      henrysCtx,
      { restaurantId: deluxe.restaurantId, items: [{ dishId: deluxe.id, quantity: 1 }] },
      toolCallId(),
    );
    if (order.status !== "pending" || henrys.status !== "pending") throw new Error("expected pending requests");
    expect(access.status).toBe("pending");

    const result = await removeChild(f.a.jane, { childId: leo.id });

    expect(result).toEqual({ name: "Leo", cancelled: 2, revoked: 1 });
    expect(await db.user.findUniqueOrThrow({ where: { id: leo.id } })).toMatchObject({
      active: false,
      username: null,
      name: "Leo",
    });
    const requests = await db.approvalRequest.findMany({ where: { childId: leo.id } });
    expect(requests.map((r) => [r.status, r.note])).toEqual([
      ["CANCELLED", "Leo's account was removed by a parent, so this request was cancelled."],
      ["CANCELLED", "Leo's account was removed by a parent, so this request was cancelled."],
    ]);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id: henrys.requestId } })).toMatchObject({
      status: "PENDING",
    });
    expect(await db.accessGrant.count({ where: { childId: leo.id, revokedAt: null } })).toBe(0);
    expect(await countAudit(f.a.familyId, "grant.revoked")).toBeGreaterThanOrEqual(1);
    expect((await lastAudit("child.removed")).data).toEqual({
      childId: leo.id,
      name: "Leo",
      username: "leo",
      cancelledRequests: 2,
      revokedGrants: 1,
    });
    expect((await getChildren({ familyId: f.a.familyId })).some((c) => c.id === leo.id)).toBe(false);
    // The username is free for a new account.
    expect((await createChild(f.a.jane, { name: "Leo 2", username: "leo", secret: "2222" })).name).toBe("Leo 2");
  });
});
