// Helpers for the HTTP threat specs: signed-in API clients and the stress switch.

import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request } from "@playwright/test";
import { sqlTime, withE2eDb } from "../db";
import { PASSWORD, PEOPLE, tagged, type Who } from "../fixtures";

/** `npm run test:stress` sets LUNCHBOX_STRESS=1: the same specs, many more rounds. */
export function rounds(normal: number, stress: number): number {
  return process.env.LUNCHBOX_STRESS === "1" ? stress : normal;
}

/** An API client holding `who`'s session cookie, signed in through Auth.js's credentials endpoint. */
export async function signedInClient(baseURL: string, who: Who | { login: string }): Promise<APIRequestContext> {
  const login = typeof who === "string" ? PEOPLE[who].login : who.login;
  const client = await request.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier: login, password: PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign in as ${login}`).toBeLessThan(400);
  const cookies = (await client.storageState()).cookies.map((c) => c.name);
  expect(
    cookies.some((name) => name.includes("session-token")),
    `session cookie for ${login}`,
  ).toBe(true);
  return client;
}

/**
 * Children of the demo family made for one spec (Henry's password and family), so a spec that chats a lot
 * neither meets another spec's requests nor spends Henry's per-minute turn limit. Returns their logins.
 */
export function createChildren(prefix: string, count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  return withE2eDb(async (db) => {
    const henry = (await db.get<{ familyId: string; passwordHash: string }>(
      `SELECT "familyId", "passwordHash" FROM "User" WHERE "username" = 'henry'`,
    )) as { familyId: string; passwordHash: string };
    const logins: string[] = [];
    for (let i = 0; i < count; i++) {
      const login = `${prefix}.${tag}.${i}`;
      await db.run(
        `INSERT INTO "User" ("id", "familyId", "role", "name", "username", "passwordHash", "active", "createdAt")
         VALUES (?, ?, 'CHILD', ?, ?, ?, TRUE, ?)`,
        `e2e-${tag}-${i}`,
        henry.familyId,
        `Kid ${i + 1}`,
        login,
        henry.passwordHash,
        sqlTime(),
      );
      logins.push(login);
    }
    return logins;
  });
}

/** Removes the children a spec made, as a parent would: their waiting requests cancelled, signed out for good. */
export async function removeChildren(logins: string[]): Promise<void> {
  await withE2eDb(async (db) => {
    for (const login of logins) {
      await db.run(
        `UPDATE "ApprovalRequest" SET "status" = 'CANCELLED'
         WHERE "status" = 'PENDING' AND "childId" IN (SELECT "id" FROM "User" WHERE "username" = ?)`,
        login,
      );
      await db.run(`UPDATE "User" SET "active" = FALSE, "username" = NULL WHERE "username" = ?`, login);
    }
  });
}

/**
 * A child asks for `quantity` deluxe burgers (a premium dish) through the chat API; returns the pending
 * request's id, read from the database. Requests waiting at once should differ in quantity: identical ones merge.
 */
export async function askForDeluxe(child: APIRequestContext, quantity = 1): Promise<string> {
  return (await askForDeluxeIn(child, quantity)).id;
}

/** askForDeluxe, also returning the child's words (what the inbox card quotes). */
export async function askForDeluxeIn(child: APIRequestContext, quantity = 1): Promise<{ id: string; words: string }> {
  const words = tagged(`I'd like ${quantity} deluxe burgers`);
  const response = await child.post("/api/chat", {
    data: {
      id: `chat-${randomUUID()}`,
      message: { id: `msg-${randomUUID()}`, role: "user", parts: [{ type: "text", text: words }] },
    },
  });
  expect(response.status()).toBe(200);
  await response.body();
  const row = await withE2eDb((db) =>
    db.get<{ id: string }>(`SELECT "id" FROM "ApprovalRequest" WHERE "childWords" = ? AND "status" = 'PENDING'`, words),
  );
  if (!row) throw new Error(`no pending request for "${words}"`);
  return { id: row.id, words };
}
