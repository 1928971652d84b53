// HTTP clients for the bench: a signed-in user's cookie jar over fetch, and an SSE stream parsed by
// eventsource-parser (the same parser as e2e/push/sse-client.ts), with arrival times.
import http from "node:http";
import { createParser, type EventSourceMessage } from "eventsource-parser";

export const PASSWORD = "lunchbox";

export type Client = {
  baseURL: string;
  cookie: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
};

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/** Signs in through Auth.js's credentials endpoint, as the login form does. */
export async function signIn(baseURL: string, login: string, password = PASSWORD): Promise<Client> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseURL));
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const pair of cookiesOf(response)) {
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(new URL("/api/auth/callback/credentials", baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, identifier: login, password, callbackUrl: "/" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign in as ${login} failed (HTTP ${response.status})`);
  }
  const cookie = cookieHeader();
  const client: Client = {
    baseURL,
    cookie,
    fetch: (path, init = {}) =>
      fetch(new URL(path, baseURL), { ...init, headers: { ...(init.headers ?? {}), cookie } }),
    async json(path, body) {
      const res = await client.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
  };
  return client;
}

export type TimedEvent = EventSourceMessage & { at: number };

export type SseStream = {
  events: TimedEvent[];
  /** Resolves with the first event (already here or arriving later) for which `match` holds. */
  waitFor(match: (event: TimedEvent) => boolean, timeoutMs?: number): Promise<TimedEvent>;
  close(): void;
};

/** An SSE connection to /api/events (or `path`) over node:http (lighter than fetch when thousands are open). */
export function openSse(client: Client, agent?: http.Agent, path = "/api/events"): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const events: TimedEvent[] = [];
    const waiters = new Set<{ match: (e: TimedEvent) => boolean; done: (e: TimedEvent) => void }>();
    const parser = createParser({
      onEvent(message) {
        const event = { ...message, at: performance.now() };
        events.push(event);
        for (const waiter of waiters) if (waiter.match(event)) waiter.done(event);
      },
    });
    const url = new URL(path, client.baseURL);
    const req = http.get(
      url,
      { agent: agent ?? false, headers: { cookie: client.cookie, accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`${path} answered ${res.statusCode}`));
          return;
        }
        res.setEncoding("utf8");
        let connected = false;
        res.on("data", (chunk: string) => {
          parser.feed(chunk);
          if (!connected) {
            connected = true;
            resolve(stream);
          }
        });
        res.on("error", () => {});
      },
    );
    req.on("error", reject);
    const stream: SseStream = {
      events,
      waitFor(match, timeoutMs = 30_000) {
        const found = events.find(match);
        if (found) return Promise.resolve(found);
        return new Promise((ok, fail) => {
          const timer = setTimeout(() => {
            waiters.delete(waiter);
            fail(new Error("SSE event timed out"));
          }, timeoutMs);
          const waiter = {
            match,
            done: (e: TimedEvent) => {
              clearTimeout(timer);
              waiters.delete(waiter);
              ok(e);
            },
          };
          waiters.add(waiter);
        });
      },
      close: () => req.destroy(),
    };
  });
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T, i);
      }
    }),
  );
  return results;
}
