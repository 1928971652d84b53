// Before migrating or starting: is DATABASE_URL usable? Returns null, or a message a person can act on.
// A PostgreSQL database that does not exist yet is created when `create` is set (the server must be reachable).
import pg from "pg";
import { postgresAddress, providerOf } from "./database-url.mjs";

export async function checkDatabaseUrl(url, { create = false } = {}) {
  let provider;
  try {
    provider = providerOf(url);
  } catch (error) {
    return error.message;
  }
  if (provider !== "postgresql") return null;
  const where = postgresAddress(url);
  const connect = async (connectionString) => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    await client.connect();
    return client;
  };
  try {
    await (await connect(url)).end();
    return null;
  } catch (error) {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (error.code === "3D000" && create) {
      const admin = new URL(url);
      admin.pathname = "/postgres";
      try {
        const client = await connect(admin.toString());
        await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
        await client.end();
        console.log(`Created the PostgreSQL database "${name}" at ${where}.`);
        return null;
      } catch (createError) {
        return `PostgreSQL at ${where} has no database "${name}" and it could not be created (${createError.message}).`;
      }
    }
    if (error.code === "3D000")
      return `PostgreSQL at ${where} has no database "${name}": create it (createdb ${name}).`;
    if (error.code === "28P01" || error.code === "28000")
      return `PostgreSQL at ${where} refused the sign-in: check the user and password in DATABASE_URL (${error.message}).`;
    return `Cannot reach PostgreSQL at ${where} (${error.code ?? error.message}). Is it running? Check the host and port in DATABASE_URL.`;
  }
}
