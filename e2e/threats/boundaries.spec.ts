// THREATS.md rows 4 and 5 against the production server: authentication does not live in proxy.ts (a request
// that claims to have passed the middleware still needs a session), and a cross-site post with a parent's
// cookie changes nothing.
import { randomUUID } from "node:crypto";
import { expect, request, test } from "@playwright/test";
import { withE2eDb } from "../db";
import { tagged } from "../fixtures";
import { createChildren, removeChildren, signedInClient } from "./http";

// The header Next.js once trusted to skip middleware (CVE-2025-29927): here it must make no difference.
const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

test("row 4: no session, even with the middleware-bypass header → 401 from every handler", async ({ baseURL }) => {
  const anonymous = await request.newContext({ baseURL });
  const calls = [
    () => anonymous.get("/api/chat/status", { headers: BYPASS }),
    () => anonymous.get("/api/events", { headers: BYPASS }),
    () => anonymous.get("/activity/export", { headers: BYPASS }),
    () => anonymous.get(`/api/chat/chat-${randomUUID()}/stream`, { headers: BYPASS }),
    () => anonymous.post("/api/chat", { headers: BYPASS, data: { id: "x", message: {} } }),
    () => anonymous.post("/api/requests/any/decision", { headers: BYPASS, data: { decision: "APPROVE" } }),
  ];
  const statuses = [];
  for (const call of calls) statuses.push((await call()).status());
  expect(statuses).toEqual(calls.map(() => 401));

  // Pages answer with the sign-in page, never their content.
  for (const path of ["/inbox", "/family", "/family/rules", "/activity", "/chat"]) {
    const page = await anonymous.get(path, { headers: { ...BYPASS, accept: "text/html" } });
    expect(new URL(page.url()).pathname, path).toBe("/login");
  }
  await anonymous.dispose();
  console.info(`[threat 4] ${calls.length} handlers and 5 pages without a session, bypass header sent → all refused`);
});

test("row 5: a cross-site post carrying a parent's or a child's cookie → 403, nothing changed", async ({ baseURL }) => {
  const [login] = await createChildren("origin", 1);
  const kid = await signedInClient(baseURL ?? "", { login: login ?? "" });
  const jane = await signedInClient(baseURL ?? "", "jane");
  const evil = { origin: "https://evil.example" };
  try {
    const words = tagged("I'd like the deluxe burger");
    const chat = (headers: Record<string, string>) =>
      kid.post("/api/chat", {
        headers,
        data: {
          id: `chat-${randomUUID()}`,
          message: { id: `msg-${randomUUID()}`, role: "user", parts: [{ type: "text", text: words }] },
        },
      });
    expect((await chat(evil)).status()).toBe(403);
    const asked = await chat({});
    expect(asked.status()).toBe(200);
    await asked.body();
    const request = (await withE2eDb((db) =>
      db.get<{ id: string }>(
        `SELECT "id" FROM "ApprovalRequest" WHERE "childWords" = ? AND "status" = 'PENDING'`,
        words,
      ),
    )) as { id: string };

    const forged = await jane.post(`/api/requests/${request.id}/decision`, {
      headers: evil,
      data: { decision: "APPROVE" },
    });
    expect(forged.status()).toBe(403);
    const state = await withE2eDb((db) =>
      db.get<{ status: string; orders: number }>(
        `SELECT r."status", (SELECT COUNT(*) FROM "Order" o WHERE o."approvalRequestId" = r."id") AS orders
         FROM "ApprovalRequest" r WHERE r."id" = ?`,
        request.id,
      ),
    );
    expect(state).toEqual({ status: "PENDING", orders: 0 });
    console.info(
      "[threat 5] cross-site chat post and decision with valid cookies → 403, request still PENDING, 0 orders",
    );
  } finally {
    await kid.dispose();
    await jane.dispose();
    await removeChildren([login ?? ""]);
  }
});
