// The CSV route's guard: who may download, and whose rows they get. The session is mocked; the database is real.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { appendAudit } from "@/lib/audit/append";
import { db } from "@/lib/db";
import { countAudit, type Families, loadFamilies } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
}));

const { GET } = await import("./route");

let f: Families;

beforeAll(async () => {
  f = await loadFamilies();
  for (const [family, parent, words] of [
    [f.a, f.a.jane, "family A words"],
    [f.b, f.b.quinn, "family B words"],
  ] as const) {
    await db.$transaction((tx) =>
      appendAudit(tx, {
        familyId: family.familyId,
        actor: { id: parent.id, role: "PARENT" },
        action: "rules.changed",
        subjectType: "Rules",
        data: { version: 2, changes: [words] },
      }),
    );
  }
});

function get(query = "") {
  return GET(new Request(`http://localhost/activity/export${query}`));
}

describe("GET /activity/export", () => {
  it("refuses a signed-out visitor with 401", async () => {
    session.userId = null;
    const response = await get();
    expect(response.status).toBe(401);
  });

  it("refuses a child with 403, and audits the refusal", async () => {
    session.userId = f.a.henry.id;
    const before = await countAudit(f.a.familyId, "authz.denied");
    const response = await get();
    expect(response.status).toBe(403);
    expect(await countAudit(f.a.familyId, "authz.denied")).toBe(before + 1);
  });

  it("gives a parent their own family's rows as a dated attachment", async () => {
    session.userId = f.a.jane.id;
    const response = await get("?kind=rules");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="lunchbox-activity-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const csv = await response.text();
    expect(csv).toContain("family A words");
    expect(csv).not.toContain("family B words");
    expect(csv.trimEnd().split("\r\n")).toHaveLength(2);
  });

  it("ignores another family's child id instead of leaking or failing", async () => {
    session.userId = f.b.quinn.id;
    const response = await get(`?child=${f.a.henry.id}&kind=nonsense`);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("family B words");
    expect(csv).not.toContain("family A words");
  });
});
