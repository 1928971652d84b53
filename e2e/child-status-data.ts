// Test data the child-status spec changes by SQL, and puts back: a budget (no screen of the child's sets one)
// and the requests it leaves waiting. Specs share one database and run twice, so everything is undone.
import { type SqlValue, sqlTime, withE2eDb } from "./db";

/**
 * A new rules version for the child's family, copying the latest one with a daily budget for this child,
 * as a parent's change would. Returns the new row's id, for `removeRules`.
 */
export function setDailyBudget(username: string, dailyCents: number): Promise<string> {
  return withE2eDb(async (db) => {
    const child = await db.get<{ id: string; familyId: string }>(
      `SELECT "id", "familyId" FROM "User" WHERE "username" = ?`,
      username,
    );
    if (!child) throw new Error(`no child ${username}`);
    const latest = (await db.get<Record<string, SqlValue>>(
      `SELECT * FROM "Rules" WHERE "familyId" = ? ORDER BY "version" DESC LIMIT 1`,
      child.familyId,
    )) as Record<string, SqlValue>;
    const budgets = JSON.parse(String(latest.childBudgets ?? "{}")) as Record<string, unknown>;
    budgets[child.id] = { dailyCents, weeklyCents: null };
    const id = `e2e-rules-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const row = { ...latest, id, version: Number(latest.version) + 1, childBudgets: JSON.stringify(budgets) };
    const columns = Object.keys(row);
    await db.run(
      `INSERT INTO "Rules" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      ...columns.map((c) => row[c as keyof typeof row] ?? null),
    );
    return id;
  });
}

export async function removeRules(id: string): Promise<void> {
  await withE2eDb((db) => db.run(`DELETE FROM "Rules" WHERE "id" = ?`, id));
}

/** Settles the requests this test left waiting (found by the child's tagged words), already told, so none lingers. */
export async function cancelRequests(childWords: string[]): Promise<void> {
  await withE2eDb(async (db) => {
    for (const words of childWords)
      await db.run(
        `UPDATE "ApprovalRequest" SET "status" = 'CANCELLED', "decidedAt" = ?, "reportedAt" = ?
         WHERE "status" = 'PENDING' AND "childWords" = ?`,
        sqlTime(),
        sqlTime(),
        words,
      );
  });
}

/** Removes or restores a child as the parent's Family page does (active = false / true). */
export async function setActive(username: string, active: boolean): Promise<void> {
  await withE2eDb((db) =>
    db.run(`UPDATE "User" SET "active" = ${active ? "TRUE" : "FALSE"} WHERE "username" = ?`, username),
  );
}
