// What `npm start` and the migration runner say before doing anything with a DATABASE_URL they cannot use.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { checkDatabaseUrl } from "@/prisma/preflight.mjs";

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("checkDatabaseUrl", () => {
  it.each([
    ["mysql://root@127.0.0.1/lunchbox", 'DATABASE_URL has "mysql:"'],
    ["lunchbox.db", "DATABASE_URL has no scheme"],
  ])("refuses %s with what to write instead", async (url, start) => {
    const message = await checkDatabaseUrl(url);
    expect(message).toBe(`${start}: use file:path/to/lunchbox.db (SQLite) or postgresql://user:password@host:5432/db`);
  });

  it("accepts a SQLite file URL without touching it", async () => {
    expect(await checkDatabaseUrl("file:/nonexistent/folder/lunchbox.db")).toBeNull();
  });

  it("names the PostgreSQL server it cannot reach", async () => {
    const port = await closedPort();
    expect(await checkDatabaseUrl(`postgresql://postgres@127.0.0.1:${port}/lunchbox`)).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED). Is it running? Check the host and port in DATABASE_URL.`,
    );
  });
});
