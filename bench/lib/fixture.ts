// The main bench server (port 3500, data/bench.db) and its signed-in people, made once for every benchmark
// that needs them.

import { cachedDb } from "./cache";
import { type Client, pool, signIn } from "./client";
import { startServer } from "./server";
import { setup } from "./setup";
import type { Log, MainFixture } from "./types";

export const MAIN_PORT = 3500;

/** `crowd`: how many more children to make and sign in (B1 has 200 wait together; the others need none). */
export async function startMain(log: Log, crowd: number): Promise<MainFixture> {
  log(`${crowd + 1} children through the family service`);
  const shape = { prefix: "bench", count: crowd + 1 };
  const { url } = cachedDb(`bench-${crowd + 1}`, shape, log, (dbUrl) => setup(dbUrl, "children", shape));
  const logins = Array.from({ length: crowd + 1 }, (_, i) => `${shape.prefix}${i}`);
  const server = await startServer({ port: MAIN_PORT, databaseUrl: url, env: { LUNCHBOX_BENCH: "1" } });
  try {
    const parent = await signIn(server.url, "jane@example.com");
    const [solo, ...crowd] = await pool(logins, 4, (login) => signIn(server.url, login));
    return { server, parent, solo: solo as Client, crowd };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
