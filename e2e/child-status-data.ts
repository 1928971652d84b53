// Test data the child-status spec changes by SQL, and puts back: a budget (no screen of the child's sets one)
// and the requests it leaves waiting. Specs share one database and run twice, so everything is undone.
import { sqlTime, withE2eDb } from "./db";

/**
 * A new rules version for the child's family, copying the latest one with a daily budget for this child,
 * as a parent's change would. Returns the new row's id, for `removeRules`.
 */
export function setDailyBudget(username: string, dailyCents: number): string {
  return withE2eDb((db) => {
    const child = db.prepare("SELECT id, familyId FROM User WHERE username = ?").get(username) as
      | { id: string; familyId: string }
      | undefined;
    if (!child) throw new Error(`no child ${username}`);
    const latest = db
      .prepare("SELECT * FROM Rules WHERE familyId = ? ORDER BY version DESC LIMIT 1")
      .get(child.familyId) as Record<string, string | number | null>;
    const budgets = JSON.parse(String(latest.childBudgets ?? "{}")) as Record<string, unknown>;
    budgets[child.id] = { dailyCents, weeklyCents: null };
    const id = `e2e-rules-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const row = { ...latest, id, version: Number(latest.version) + 1, childBudgets: JSON.stringify(budgets) };
    const columns = Object.keys(row);
    db.prepare(
      `INSERT INTO Rules (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    ).run(...columns.map((c) => row[c as keyof typeof row] ?? null));
    return id;
  });
}

export function removeRules(id: string): void {
  withE2eDb((db) => db.prepare("DELETE FROM Rules WHERE id = ?").run(id));
}

/** Settles the requests this test left waiting (found by the child's tagged words), already told, so none lingers. */
export function cancelRequests(childWords: string[]): void {
  withE2eDb((db) => {
    const statement = db.prepare(
      "UPDATE ApprovalRequest SET status = 'CANCELLED', decidedAt = ?, reportedAt = ? WHERE status = 'PENDING' AND childWords = ?",
    );
    for (const words of childWords) statement.run(sqlTime(), sqlTime(), words);
  });
}

/** Removes or restores a child as the parent's Family page does (active = false / true). */
export function setActive(username: string, active: boolean): void {
  withE2eDb((db) => db.prepare("UPDATE User SET active = ? WHERE username = ?").run(active ? 1 : 0, username));
}
