// Standing grants on /family: listed per child, and revoking one means the child asks again at once.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { getStandingGrants, revokeGrant } from "./grants";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

async function orderFor(child: Families["a"]["rose"], dishName: string) {
  const dish = f.a.dish(dishName);
  const ctx = await newChatContext(child);
  return submitOrder(ctx, { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity: 1 }] }, toolCallId());
}

describe("grants", () => {
  it("lists Rose's seeded Sushi World grant, who allowed it and when; Henry has none", async () => {
    const children = await getStandingGrants({ familyId: f.a.familyId });
    expect(children.map((c) => c.name)).toEqual(["Henry", "Rose"]);
    expect(children[0]?.grants).toEqual([]);
    expect(children[1]?.grants).toEqual([
      expect.objectContaining({
        kind: "RESTAURANT",
        restaurantName: "Sushi World",
        dishName: null,
        createdByName: "Joe",
      }),
    ]);
  });

  it("an 'always this dish' decision shows as a dish grant", async () => {
    const dish = f.a.dish("Deluxe Burger");
    await db.accessGrant.create({
      data: {
        familyId: f.a.familyId,
        childId: f.a.henry.id,
        restaurantId: dish.restaurantId,
        dishId: dish.id,
        scope: "ALWAYS",
        createdById: f.a.jane.id,
      },
    });
    const henry = (await getStandingGrants({ familyId: f.a.familyId })).find((c) => c.id === f.a.henry.id);
    expect(henry?.grants).toEqual([
      expect.objectContaining({
        kind: "DISH",
        restaurantName: "Burger Bonanza",
        dishName: "Deluxe Burger",
        createdByName: "Jane",
      }),
    ]);
    expect((await orderFor(f.a.henry, "Deluxe Burger")).status).toBe("placed");
    const grantId = henry?.grants[0]?.id ?? "";
    await revokeGrant(f.a.jane, { grantId });
    expect((await orderFor(f.a.henry, "Deluxe Burger")).status).toBe("pending");
  });

  it("revoking Rose's Sushi World grant: one audit row, and her next Sushi World order needs a parent", async () => {
    expect((await orderFor(f.a.rose, "California Roll")).status).toBe("placed");
    const rose = (await getStandingGrants({ familyId: f.a.familyId })).find((c) => c.id === f.a.rose.id);
    const grantId = rose?.grants[0]?.id ?? "";

    const result = await revokeGrant(f.a.jane, { grantId });

    expect(result).toEqual({ childName: "Rose", subject: "Sushi World", alreadyRevoked: false });
    expect(await countAudit(f.a.familyId, "grant.revoked", grantId)).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "grant.revoked", subjectId: grantId } });
    expect(audit.data).toEqual({ childId: f.a.rose.id, restaurant: "Sushi World", dish: null });
    expect(audit.childId).toBe(f.a.rose.id);
    expect((await db.accessGrant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt).toBeInstanceOf(Date);
    const next = await orderFor(f.a.rose, "California Roll");
    expect(next.status).toBe("pending");
    if (next.status === "pending") expect(next.reasons.join(" ")).toContain("restricted");
    expect((await getStandingGrants({ familyId: f.a.familyId })).find((c) => c.id === f.a.rose.id)?.grants).toEqual([]);

    // Revoking twice changes nothing more.
    expect(await revokeGrant(f.a.joe, { grantId })).toMatchObject({ alreadyRevoked: true });
    expect(await countAudit(f.a.familyId, "grant.revoked", grantId)).toBe(1);
  });

  it("another family's grant is not found, and stays", async () => {
    const taco = f.b.restaurant("Taco Town");
    const grant = await db.accessGrant.create({
      data: { familyId: f.b.familyId, childId: f.b.dana.id, restaurantId: taco.id, scope: "ALWAYS" },
    });
    await expect(revokeGrant(f.a.jane, { grantId: grant.id })).rejects.toMatchObject({ type: "not_found" });
    expect((await db.accessGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
    expect(await countAudit(f.a.familyId, "grant.revoked", grant.id)).toBe(0);
  });
});
