// The push subscription API through its real handlers and database; only the session cookie is stood in for.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { countAudit, type Families, loadFamilies } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: "" }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const { POST, DELETE } = await import("./route");

let f: Families;
beforeAll(async () => {
  f = await loadFamilies();
});

const subscription = (n: number) => ({
  endpoint: `https://push.example.com/send/sub-${n}`,
  expirationTime: null,
  keys: { p256dh: `BPk-${n}-public-key`, auth: `auth-${n}` },
  label: "Chrome on Android",
});

function call(method: "POST" | "DELETE", body: unknown, origin = "http://localhost") {
  const handler = method === "POST" ? POST : DELETE;
  return handler(
    new Request("http://localhost/api/push/subscriptions", {
      method,
      headers: { "content-type": "application/json", origin, host: "localhost" },
      body: JSON.stringify(body),
    }),
  );
}

const pushChannels = (parentId: string) => db.notificationChannel.findMany({ where: { parentId, kind: "PUSH" } });

describe("POST/DELETE /api/push/subscriptions", () => {
  it("a parent subscribes (201), subscribing again renews the same channel (200), then unsubscribes", async () => {
    session.userId = f.a.jane.id;
    const audits = await countAudit(f.a.familyId, "notify.channel_added");
    expect((await call("POST", subscription(1))).status).toBe(201);
    const [channel] = await pushChannels(f.a.jane.id);
    expect(channel).toMatchObject({ familyId: f.a.familyId, label: "Chrome on Android", enabled: true });
    expect(channel?.config).toEqual({ endpoint: subscription(1).endpoint, keys: subscription(1).keys });

    // The push service said 410 earlier; a new subscription on the same endpoint switches it back on.
    await db.notificationChannel.update({
      where: { id: channel?.id },
      data: { enabled: false, disabledReason: "410" },
    });
    const renewed = { ...subscription(1), keys: { p256dh: "BNew-key", auth: "new-auth" } };
    const again = await call("POST", renewed);
    expect(again.status).toBe(200);
    expect(await pushChannels(f.a.jane.id)).toEqual([
      expect.objectContaining({
        id: channel?.id,
        enabled: true,
        disabledReason: null,
        config: { endpoint: renewed.endpoint, keys: renewed.keys },
      }),
    ]);
    expect(await countAudit(f.a.familyId, "notify.channel_added")).toBe(audits + 1);

    const removed = await call("DELETE", { endpoint: subscription(1).endpoint });
    expect(removed.status).toBe(200);
    expect(await pushChannels(f.a.jane.id)).toEqual([]);
    expect(await countAudit(f.a.familyId, "notify.channel_removed")).toBeGreaterThan(0);
  });

  it.each([
    ["nobody signed in", () => "", 401],
    ["a child", () => f.a.henry.id, 403],
  ])("%s: %i and nothing is stored", async (_who, userId, status) => {
    session.userId = userId();
    expect((await call("POST", subscription(2))).status).toBe(status);
    expect((await call("DELETE", { endpoint: subscription(2).endpoint })).status).toBe(status);
    expect(await db.notificationChannel.count({ where: { kind: "PUSH" } })).toBe(0);
  });

  it("a parent of another family cannot remove it (404), nor can the other parent of the same family", async () => {
    session.userId = f.a.jane.id;
    expect((await call("POST", subscription(3))).status).toBe(201);
    for (const other of [f.b.quinn, f.a.joe]) {
      session.userId = other.id;
      const response = await call("DELETE", { endpoint: subscription(3).endpoint });
      expect(response.status).toBe(404);
    }
    expect(await pushChannels(f.a.jane.id)).toHaveLength(1);
  });

  it("refuses a cross-site request and a body that is not a subscription", async () => {
    session.userId = f.a.jane.id;
    expect((await call("POST", subscription(4), "https://evil.example")).status).toBe(403);
    expect((await call("POST", { endpoint: "not a url", keys: {} })).status).toBe(400);
    expect((await call("POST", { ...subscription(4), keys: undefined })).status).toBe(400);
    expect(await pushChannels(f.a.jane.id)).toHaveLength(1);
  });
});
