// Builds a one-tap decision link for a request, as a notification would carry it, with the app's own
// createDecisionToken and the e2e server's secret: for the misuse pages, which need tokens no email carries
// (tampered, expired, another parent's). The real flow takes its link from the email (e2e/notify/email.spec.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { withE2eDb } from "./db";
import { E2E_AUTH_SECRET } from "./e2e-env.mjs";
import { PEOPLE, type Who } from "./fixtures";

const root = path.join(import.meta.dirname, "..");

/** A request's status and who decided it, read straight from the database. */
export async function requestRow(id: string) {
  const row = await withE2eDb((db) =>
    db.get<{ status: string; decidedById: string | null }>(
      `SELECT "status", "decidedById" FROM "ApprovalRequest" WHERE "id" = ?`,
      id,
    ),
  );
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

/** The pending request the child asked for with these words. */
export function requestIdFor(childWords: string): Promise<string> {
  return withE2eDb(async (db) => {
    const row = await db.get<{ id: string }>(`SELECT "id" FROM "ApprovalRequest" WHERE "childWords" = ?`, childWords);
    if (!row) throw new Error(`no request for "${childWords}"`);
    return row.id;
  });
}

function userId(who: Who): Promise<string> {
  return withE2eDb(async (db) => {
    const row = await db.get<{ id: string }>(
      `SELECT "id" FROM "User" WHERE "email" = ? OR "username" = ?`,
      PEOPLE[who].login,
      PEOPLE[who].login,
    );
    if (!row) throw new Error(`no user ${who}`);
    return row.id;
  });
}

/**
 * The path `/decide/<token>` for `who`. token.ts is a server module ("server-only"), so it runs in a child Node
 * with the react-server condition, where that guard is empty, exactly as in the app's server.
 */
export async function decisionLinkPath(
  childWords: string,
  who: Who,
  action: "open" | "approve" | "deny",
  expiresAt = new Date(Date.now() + 3_600_000),
): Promise<string> {
  const input = {
    requestId: await requestIdFor(childWords),
    parentId: await userId(who),
    action,
    expiresAt: expiresAt.toISOString(),
  };
  const script = `
    const { createDecisionToken } = await import("./lib/decision-links/token.ts");
    const input = JSON.parse(process.env.LINK_INPUT);
    process.stdout.write(createDecisionToken({ ...input, expiresAt: new Date(input.expiresAt) }, process.env.LINK_SECRET));
  `;
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: root,
      env: { ...process.env, LINK_INPUT: JSON.stringify(input), LINK_SECRET: E2E_AUTH_SECRET },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`could not build a decision link: ${result.stderr}`);
  return `/decide/${result.stdout.trim()}`;
}
