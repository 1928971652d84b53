// The main bench server (port 3500, data/bench.db) and its signed-in people, made once for every benchmark
// that needs them.

import { cachedDb } from "./cache";
import { type Client, pool, signIn } from "./client";
import { startServer } from "./server";
import { setup } from "./setup";
import type { Log, MainFixture } from "./types";

export const MAIN_PORT = 3500;

/**
 * `crowd`: how many more children to make and sign in (B1 has 200 wait together; the others need none). Besides
 * them, a solo child for B1 and B2 and a fresh one for B6.
 */
export async function startMain(log: Log, crowd: number): Promise<MainFixture> {
  const count = crowd + 2;
  log(`${count} children through the family service`);
  const shape = { prefix: "bench", count };
  const { url } = cachedDb(`bench-${count}`, shape, log, (dbUrl) => setup(dbUrl, "children", shape));
  const logins = Array.from({ length: count }, (_, i) => `${shape.prefix}${i}`);
  const server = await startServer({ port: MAIN_PORT, databaseUrl: url, env: { LUNCHBOX_BENCH: "1" } });
  try {
    const parent = await signIn(server.url, "jane@example.com");
    const [solo, fresh, ...crowd] = await pool(logins, 4, (login) => signIn(server.url, login));
    return { server, parent, solo: solo as Client, fresh: fresh as Client, crowd };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
