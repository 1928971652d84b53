// Helpers for the HTTP threat specs: signed-in API clients and the stress switch.
import { type APIRequestContext, expect, request } from "@playwright/test";
import { PASSWORD, PEOPLE, type Who } from "../fixtures";

/** `npm run test:stress` sets LUNCHBOX_STRESS=1: the same specs, many more rounds. */
export function rounds(normal: number, stress: number): number {
  return process.env.LUNCHBOX_STRESS === "1" ? stress : normal;
}

/** An API client holding `who`'s session cookie, signed in through Auth.js's credentials endpoint. */
export async function signedInClient(baseURL: string, who: Who): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier: PEOPLE[who].login, password: PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign in as ${who}`).toBeLessThan(400);
  const cookies = (await client.storageState()).cookies.map((c) => c.name);
  expect(
    cookies.some((name) => name.includes("session-token")),
    `session cookie for ${who}`,
  ).toBe(true);
  return client;
}
