// The main bench server (port 3500, data/bench.db) and its signed-in people, made once for every benchmark
// that needs them.
import { type Client, pool, signIn } from "./client";
import { dbUrl, prepareDb, startServer } from "./server";
import { setup } from "./setup";
import type { Log, MainFixture } from "./types";

export const MAIN_PORT = 3500;
const CROWD = 200;

export async function startMain(log: Log): Promise<MainFixture> {
  const url = dbUrl("bench");
  prepareDb(url);
  log(`creating ${CROWD + 1} children through the family service`);
  const { logins } = setup<{ logins: string[] }>(url, "children", { prefix: "bench", count: CROWD + 1 });
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
