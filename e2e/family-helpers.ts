// SQL for the /family specs' clean-up: what a test changed in the shared e2e database goes back, even when the
// test failed halfway (each test runs twice, desktop and phone, and later spec files rely on the seed's state).
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { sqlTime, withE2eDb } from "./db";

/** Rose's seeded "always allow Sushi World": if none stands, the last revoked one stands again. */
export function restoreRoseSushiGrant(): void {
  withE2eDb((db) => {
    const where = `childId = (SELECT id FROM User WHERE username = 'rose')
      AND restaurantId = (SELECT id FROM Restaurant WHERE name = 'Sushi World')
      AND dishId IS NULL AND scope = 'ALWAYS'`;
    const standing = db.prepare(`SELECT count(*) AS n FROM AccessGrant WHERE ${where} AND revokedAt IS NULL`).get() as {
      n: number;
    };
    if (standing.n > 0) return;
    db.prepare(
      `UPDATE AccessGrant SET revokedAt = NULL WHERE id = (
         SELECT id FROM AccessGrant WHERE ${where} ORDER BY revokedAt DESC LIMIT 1)`,
    ).run();
  });
}

/** The seed's premium limit ($10.00) as a new rules version, if the latest version says otherwise. */
export function restorePremiumLimit(cents = 1000): void {
  withE2eDb((db) => {
    const latest = db
      .prepare(
        `SELECT * FROM Rules WHERE familyId = (SELECT familyId FROM User WHERE username = 'henry')
         ORDER BY version DESC LIMIT 1`,
      )
      .get() as Record<string, string | number | null> | undefined;
    if (!latest || latest.premiumLimitCents === cents) return;
    db.prepare(
      `INSERT INTO Rules (id, familyId, version, premiumLimitCents, maxPendingPerChild, expiryMinutes, childBudgets,
         orderingStart, orderingEnd, outsideHours, timeZone, escalationMinutes, expiryWarningMinutes, createdById, createdAt)
       SELECT ?, familyId, version + 1, ?, maxPendingPerChild, expiryMinutes, childBudgets, orderingStart,
         orderingEnd, outsideHours, timeZone, escalationMinutes, expiryWarningMinutes, createdById, ? FROM Rules WHERE id = ?`,
    ).run(`e2e-${randomUUID()}`, cents, sqlTime(), String(latest.id));
  });
}

/** Archives dishes a test added (by exact name), in case the test failed before removing them itself. */
export function archiveDish(name: string): void {
  withE2eDb((db) => {
    db.prepare("UPDATE Dish SET archived = 1 WHERE name = ? AND archived = 0").run(name);
  });
}

/** Letters only (a dish or child name the offline model reads as a word, not a number). */
export function uniqueWord(): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let n = Date.now() * 10 + Math.floor(Math.random() * 10);
  let word = "";
  while (n > 0) {
    word = (letters[n % 26] ?? "a") + word;
    n = Math.floor(n / 26);
  }
  return word.slice(-7);
}

/** WCAG A/AA problems on the page; toasts are left out (they fade in, which axe misreads as low contrast). */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .exclude("[data-sonner-toaster]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
