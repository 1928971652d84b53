// The family's catalogue, rules and grants are cached in memory per family (lib/catalogue/facts.ts), keyed by a
// version the database bumps with every change. Changed by another instance (a second Prisma client on the same
// database), the very next chat turn must see the change: the menu, the premium flag and the restaurant's access.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GetMenuOutput } from "@/lib/ai/tools/contracts";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { type Families, loadFamilies } from "@/lib/testing/fixtures";
import { adapterFor } from "@/prisma/adapter";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => ({ user: { id: session.userId } }) }));

const { POST } = await import("./route");

let f: Families;
// Another app instance: its own client and connection(s) to the same database.
const other = new PrismaClient({ adapter: adapterFor(process.env.DATABASE_URL ?? "") });

beforeAll(async () => {
  f = await loadFamilies();
  session.userId = f.a.henry.id;
});

afterAll(async () => {
  await other.$disconnect();
});

/**
 * One chat turn asking for a restaurant's menu, in a new chat: the getMenu tool's menu; null when the tool found no
 * such restaurant, or the model (whose catalogue comes from the same facts) did not know it and called no tool.
 */
async function menuOf(restaurant: string): Promise<Extract<GetMenuOutput, { status: "ok" }> | null> {
  const response = await POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" },
      body: JSON.stringify({
        id: `chat-${randomUUID()}`,
        message: {
          id: `m-${randomUUID()}`,
          role: "user",
          parts: [{ type: "text", text: `what's on the menu at ${restaurant}?` }],
        },
      }),
    }),
  );
  expect(response.status).toBe(200);
  const chunks = (await response.text())
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice(6)) as { type: string; output?: GetMenuOutput });
  const output = chunks.find((c) => c.type === "tool-output-available")?.output;
  return output?.status === "ok" ? output : null;
}

const dish = (menu: Awaited<ReturnType<typeof menuOf>>, name: string) => menu?.dishes.find((d) => d.name === name);

describe("the next turn sees what another instance changed", () => {
  it("rules: a new premium limit", async () => {
    expect(dish(await menuOf("Pizza Palace"), "Pepperoni Pizza")?.premium).toBe(true);
    const latest = await other.rules.findFirstOrThrow({
      where: { familyId: f.a.familyId },
      orderBy: { version: "desc" },
    });
    const { id, createdAt, childBudgets, ...rest } = latest;
    await other.rules.create({
      data: { ...rest, childBudgets: childBudgets ?? {}, version: latest.version + 1, premiumLimitCents: 1100 },
    });
    expect(dish(await menuOf("Pizza Palace"), "Pepperoni Pizza")?.premium).toBe(false);
  });

  it("dishes: a new price, a removed dish, a new dish", async () => {
    const cheese = f.a.dish("Cheese Pizza");
    expect(dish(await menuOf("Pizza Palace"), "Cheese Pizza")?.priceCents).toBe(cheese.priceCents);
    await other.dish.update({ where: { id: cheese.id }, data: { priceCents: 1234 } });
    expect(dish(await menuOf("Pizza Palace"), "Cheese Pizza")?.priceCents).toBe(1234);

    await other.dish.update({ where: { id: cheese.id }, data: { archived: true } });
    await other.dish.create({
      data: { familyId: f.a.familyId, restaurantId: cheese.restaurantId, name: "Margherita", priceCents: 850 },
    });
    const menu = await menuOf("Pizza Palace");
    expect(dish(menu, "Cheese Pizza")).toBeUndefined();
    expect(dish(menu, "Margherita")?.priceCents).toBe(850);
  });

  it("grants and restaurants: allowed always, revoked, no longer restricted, removed", async () => {
    const sushi = f.a.restaurant("Sushi World");
    expect((await menuOf("Sushi World"))?.restaurant.access).toBe("needs-permission");
    const grant = await other.accessGrant.create({
      data: { familyId: f.a.familyId, childId: f.a.henry.id, restaurantId: sushi.id, scope: "ALWAYS" },
    });
    expect((await menuOf("Sushi World"))?.restaurant.access).toBe("granted");
    await other.accessGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date() } });
    expect((await menuOf("Sushi World"))?.restaurant.access).toBe("needs-permission");
    await other.restaurant.update({ where: { id: sushi.id }, data: { restricted: false } });
    expect((await menuOf("Sushi World"))?.restaurant.access).toBe("open");
    await other.restaurant.update({ where: { id: sushi.id }, data: { archived: true } });
    expect(await menuOf("Sushi World")).toBeNull();
  });
});
