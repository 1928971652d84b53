// Rules saved as new versions, and the child's next order following them (through the real submitOrder).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFamilyRules } from "@/lib/catalogue/queries";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { submitOrder } from "@/lib/orders/submit-order";
import { countAudit, type Families, loadFamilies, newChatContext, toolCallId } from "@/lib/testing/fixtures";
import { getRulesOverview, saveRules } from "./rules";
import type { RulesInput } from "./schemas";

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
});

beforeEach(async () => {
  await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
});

/** The seeded rules as the form shows them, with changes. */
function form(change: Partial<RulesInput> = {}): RulesInput {
  return {
    premiumLimit: "10.00",
    maxPending: "5",
    expiryMinutes: "120",
    budgets: { [f.a.henry.id]: { daily: "", weekly: "" }, [f.a.rose.id]: { daily: "", weekly: "" } },
    orderingStart: "",
    orderingEnd: "",
    outsideHours: "ASK",
    timeZone: "UTC",
    escalationMinutes: "",
    expiryWarningMinutes: "5",
    ...change,
  };
}

async function orderFor(child: Families["a"]["henry"], dishName: string, quantity = 1) {
  const dish = f.a.dish(dishName);
  const ctx = await newChatContext(child);
  return submitOrder(ctx, { restaurantId: dish.restaurantId, items: [{ dishId: dish.id, quantity }] }, toolCallId());
}

/** Back to the seed's values (as a new version) so each test starts from them. */
beforeEach(async () => {
  await saveRules(f.a.jane, form());
});

/** "HH:MM" in UTC, `hours` from now: ordering hours that are certainly closed right now. */
function utcTimeFromNow(hours: number): string {
  const date = new Date(Date.now() + hours * 3_600_000);
  return `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
}

describe("saveRules", () => {
  it("writes version n+1 with one audit row in words; an unchanged form writes nothing", async () => {
    const before = await getFamilyRules(f.a);
    const audits = await countAudit(f.a.familyId, "rules.changed");

    const result = await saveRules(
      f.a.joe,
      form({ premiumLimit: "15", budgets: { [f.a.henry.id]: { daily: "20", weekly: "" } } }),
    );

    expect(result).toEqual({
      saved: true,
      version: before.version + 1,
      changes: ["Premium dish limit: $10.00 → $15.00", "Daily budget for Henry: none → $20.00"],
    });
    const rows = await db.rules.findMany({ where: { familyId: f.a.familyId }, orderBy: { version: "asc" } });
    expect(rows.at(-1)).toMatchObject({
      version: before.version + 1,
      premiumLimitCents: 1500,
      createdById: f.a.joe.id,
    });
    expect(rows.at(-2)).toMatchObject({ version: before.version, premiumLimitCents: 1000 });
    expect(await countAudit(f.a.familyId, "rules.changed")).toBe(audits + 1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { familyId: f.a.familyId, action: "rules.changed" },
      orderBy: { seq: "desc" },
    });
    expect(audit.data).toEqual({ version: before.version + 1, changes: result.saved ? result.changes : [] });

    const again = await saveRules(
      f.a.joe,
      form({ premiumLimit: "15.00", budgets: { [f.a.henry.id]: { daily: "20.00", weekly: "" } } }),
    );
    expect(again).toEqual({ saved: false });
    expect(await db.rules.count({ where: { familyId: f.a.familyId } })).toBe(rows.length);

    const overview = await getRulesOverview({ familyId: f.a.familyId });
    expect(overview).toMatchObject({ changedByName: "Joe", rules: { premiumLimitCents: 1500 } });
    expect(overview.children.map((c) => c.name)).toEqual(["Henry", "Rose"]);
  });

  it.each([
    [{ premiumLimit: "-1" }, "premiumLimit"],
    [{ premiumLimit: "5000" }, "premiumLimit"],
    [{ maxPending: "0" }, "maxPending"],
    [{ expiryMinutes: "99999" }, "expiryMinutes"],
    [{ orderingStart: "08:00" }, "orderingEnd"],
    [{ timeZone: "Nowhere/City" }, "timeZone"],
    [{ outsideHours: "SOMETIMES" }, "outsideHours"],
  ])("refuses %j with a field error and writes nothing", async (change, field) => {
    const [rules, audit] = await Promise.all([db.rules.count(), db.auditEvent.count()]);
    const error = await saveRules(f.a.jane, form(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.fieldErrors).toHaveProperty(field);
    expect([await db.rules.count(), await db.auditEvent.count()]).toEqual([rules, audit]);
  });

  it("saves the escalation and expiry-warning minutes, and every later version keeps them", async () => {
    const result = await saveRules(f.a.jane, form({ escalationMinutes: "10", expiryWarningMinutes: "" }));
    expect(result).toMatchObject({
      saved: true,
      changes: ["Tell the other parents after: off → 10 minutes", "Warn before expiry: 5 minutes → off"],
    });
    expect(await getFamilyRules({ familyId: f.a.familyId })).toMatchObject({
      escalationMinutes: 10,
      expiryWarningMinutes: null,
    });
    await saveRules(f.a.jane, form({ escalationMinutes: "10", expiryWarningMinutes: "", premiumLimit: "11.00" }));
    expect(await getFamilyRules({ familyId: f.a.familyId })).toMatchObject({
      premiumLimitCents: 1100,
      escalationMinutes: 10,
      expiryWarningMinutes: null,
    });
  });

  it("refuses a weekly budget below the daily one, on the weekly field", async () => {
    const error = (await saveRules(
      f.a.jane,
      form({ budgets: { [f.a.henry.id]: { daily: "20", weekly: "10" } } }),
    ).catch((e: unknown) => e)) as AppError;
    expect(error.details?.fieldErrors).toEqual({
      [`budgets.${f.a.henry.id}.weekly`]: "The weekly budget cannot be smaller than the daily budget.",
    });
  });

  it("stores no budget for an id that is not a child of the family (another family's child)", async () => {
    await saveRules(f.a.jane, form({ budgets: { [f.b.dana.id]: { daily: "1", weekly: "" } } }));
    const rules = await getFamilyRules(f.a);
    expect(rules.childBudgets).not.toHaveProperty(f.b.dana.id);
    expect((await getFamilyRules(f.b)).version).toBe(1);
  });
});

describe("the child's next order follows the new rules", () => {
  it("premium limit raised to $15: the Deluxe Burger ($12.99) is placed without asking", async () => {
    expect((await orderFor(f.a.henry, "Deluxe Burger")).status).toBe("pending");
    await saveRules(f.a.jane, form({ premiumLimit: "15.00" }));
    expect((await orderFor(f.a.henry, "Deluxe Burger")).status).toBe("placed");
  });

  it("a pending request keeps the version it was judged by", async () => {
    const pending = await orderFor(f.a.henry, "Deluxe Burger");
    if (pending.status !== "pending") throw new Error("expected pending");
    const version = (await getFamilyRules(f.a)).version;
    await saveRules(f.a.jane, form({ premiumLimit: "20.00" }));
    const request = await db.approvalRequest.findUniqueOrThrow({ where: { id: pending.requestId } });
    expect(request.rulesVersion).toBe(version);
    expect((await getFamilyRules(f.a)).version).toBe(version + 1);
  });

  it("a daily budget holds back an order that would go over it, for that child only", async () => {
    await saveRules(f.a.jane, form({ budgets: { [f.a.henry.id]: { daily: "5.00", weekly: "" } } }));
    const henrys = await orderFor(f.a.henry, "Classic Burger");
    expect(henrys.status).toBe("pending");
    if (henrys.status === "pending") expect(henrys.reasons.join(" ")).toContain("daily budget of $5.00");
    expect((await orderFor(f.a.rose, "Classic Burger")).status).toBe("placed");
  });

  it("outside ordering hours: a parent decides (ASK), or the order is refused (REFUSE)", async () => {
    const closed = { orderingStart: utcTimeFromNow(2), orderingEnd: utcTimeFromNow(3), timeZone: "UTC" };
    await saveRules(f.a.jane, form(closed));
    expect((await orderFor(f.a.henry, "Fries")).status).toBe("pending");
    await saveRules(f.a.jane, form({ ...closed, outsideHours: "REFUSE" }));
    const refused = await orderFor(f.a.henry, "Fries");
    expect(refused).toMatchObject({ status: "refused" });
    await saveRules(f.a.jane, form());
    expect((await orderFor(f.a.henry, "Fries")).status).toBe("placed");
  });

  it("max pending per child: the next request over the cap is refused", async () => {
    await saveRules(f.a.jane, form({ maxPending: "1" }));
    expect((await orderFor(f.a.henry, "Deluxe Burger")).status).toBe("pending");
    expect((await orderFor(f.a.henry, "Deluxe Burger", 2)).status).toBe("refused");
  });
});
