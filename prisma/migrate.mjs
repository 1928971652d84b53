#!/usr/bin/env node
// Offline replacement for `prisma migrate dev|deploy|status|diff` and `prisma db push`.
// Uses @prisma/schema-engine-wasm (no native schema-engine download) + a Prisma driver adapter.
// Usage: node prisma/migrate.mjs <deploy|dev [--name N] [--create-only]|push [--force]|diff|status|reset>
// Env: DATABASE_URL (file:... => SQLite/better-sqlite3, postgres://... => PostgreSQL/pg),
//      PRISMA_SCHEMA, PRISMA_MIGRATIONS (default: the provider's, see prismaPaths in database-url.mjs)
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseUrl, prismaPaths, projectRoot, providerOf } from "./database-url.mjs";
import { checkDatabaseUrl } from "./preflight.mjs";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const cmd = args[0];
const flag = (n) => args.includes(n);
const opt = (n) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);

let url;
try {
  url = databaseUrl();
} catch (error) {
  console.error(`✗ ${error.message}`);
  process.exit(1);
}
// A clear line instead of the engine's stack trace when PostgreSQL is down or the database is missing.
const problem = await checkDatabaseUrl(url, { create: args[0] === "deploy" || args[0] === "dev" });
if (problem) {
  console.error(`✗ ${problem}`);
  process.exit(1);
}
const paths = prismaPaths(providerOf(url));
const schemaPath = path.resolve(process.env.PRISMA_SCHEMA ?? path.join(projectRoot, paths.schema));
const migrationsDir = path.resolve(process.env.PRISMA_MIGRATIONS ?? path.join(projectRoot, paths.migrations));
const filters = { externalTables: [], externalEnums: [] };

async function adapterFactory() {
  if (url.startsWith("file:")) {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    return { provider: "sqlite", factory: new PrismaBetterSqlite3({ url }) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // Bug workaround: the wasm engine's Postgres describer selects pg_catalog columns of type "char" (OID 18),
    // which @prisma/adapter-pg rejects ("Column type 'char' could not be deserialized from the database").
    // Report them as text (OID 25). Only patched inside this CLI process.
    const pg = (await import("pg")).default;
    const addFields = pg.Result.prototype.addFields;
    pg.Result.prototype.addFields = function (fields) {
      for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return addFields.call(this, fields);
    };
    // Bug workaround: PrismaPg.connectToShadowDb() creates a temp DB and connects with {...config, database},
    // but a `connectionString` overrides `database`, so the "shadow" would be the main DB
    // ("relation ... already exists"). Pass discrete fields instead.
    const u = new URL(url);
    const config = {
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: decodeURIComponent(u.pathname.slice(1)),
    };
    if (u.searchParams.get("sslmode") && u.searchParams.get("sslmode") !== "disable")
      config.ssl = { rejectUnauthorized: false };
    const factory = new PrismaPg(config);
    // Bug workaround: PrismaPg's shadow-DB dispose runs DROP DATABASE before closing the shadow pool
    // ("database ... is being accessed by other users") and leaks the temp DB. Own implementation:
    factory.connectToShadowDb = async () => {
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
      const admin = async (sql) => {
        const c = new pg.Client(config);
        await c.connect();
        try {
          await c.query(sql);
        } finally {
          await c.end();
        }
      };
      await admin(`CREATE DATABASE "${name}"`);
      const adapter = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return wholeScripts(adapter);
    };
    // Bug workaround: PrismaPg's executeScript splits a migration at every ";", which cuts a dollar-quoted function
    // body (the facts-version trigger) apart. PostgreSQL runs a multi-statement script itself (simple protocol).
    const wholeScripts = (adapter) => {
      adapter.executeScript = async (script) => {
        try {
          await adapter.client.query(script);
        } catch (error) {
          adapter.onError(error);
        }
      };
      return adapter;
    };
    const connect = factory.connect.bind(factory);
    factory.connect = async () => wholeScripts(await connect());
    return { provider: "postgresql", factory };
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(":")[0]}`);
}

let bound;
async function loadEngine(datamodels, factory) {
  // wasm-bindgen "bundler" target: instantiate manually (Node 20 has no wasm ESM imports without a flag).
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const runtime = await import(gluePath);
  const bytes = await fs.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const debug = process.env.DEBUG_SCHEMA_ENGINE ? (l) => console.error("[schema-engine]", l) : () => {};
  // Bug workaround: the wasm engine replays migration files on the shadow DB via executeRaw(wholeScript),
  // which better-sqlite3 rejects ("The supplied SQL string contains more than one statement").
  // Fall back to executeScript for multi-statement scripts without parameters.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const a = await connectShadow();
    const executeRaw = a.executeRaw.bind(a);
    a.executeRaw = async (q) => {
      try {
        return await executeRaw(q);
      } catch (e) {
        const msg = String(e?.cause?.message ?? e?.cause ?? e?.message ?? e);
        if (q.args?.length || !/more than one statement|multiple commands/i.test(msg + JSON.stringify(e))) throw e;
        await a.executeScript(q.sql);
        return 0;
      }
    };
    return a;
  };
  bound = bindMigrationAwareSqlAdapterFactory(factory);
  return runtime.SchemaEngine.new({ datamodels }, debug, bound);
}

async function readMigrations() {
  await fs.mkdir(migrationsDir, { recursive: true });
  const entries = (await fs.readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = [];
  for (const name of entries) {
    const file = path.join(migrationsDir, name, "migration.sql");
    let content;
    try {
      content = { tag: "ok", value: await fs.readFile(file, "utf8") };
    } catch (e) {
      content = { tag: "error", value: String(e) };
    }
    migrationDirectories.push({ path: name, migrationFile: { path: "migration.sql", content } });
  }
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await fs.readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// The wasm engine reports a missing `_prisma_migrations` table as error P1014 in diagnose/devDiagnostic
// (the native binary treats it as "fresh database"). Creating the table via an empty applyMigrations fixes that.
async function withMigrationsTable(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e?.code !== "P1014") throw e;
    await engine.applyMigrations({
      migrationsList: { ...(await readMigrations()), migrationDirectories: [] },
      filters,
    });
    return await fn();
  }
}

const { provider, factory } = await adapterFactory();

// engine.reset() is a silent no-op for SQLite through the adapter (tables stay): drop objects directly.
async function resetDatabase() {
  if (provider !== "sqlite") return engine.reset({ filter: filters });
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(url.replace(/^file:/, ""));
  db.pragma("foreign_keys = OFF");
  const objs = db
    .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view','table') AND name NOT LIKE 'sqlite_%'")
    .all();
  for (const type of ["view", "table"])
    for (const o of objs.filter((x) => x.type === type))
      db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${o.name.replaceAll('"', '""')}"`);
  db.close();
}

// WAL lets readers run while one writer commits; the mode is stored in the file, so setting it once is enough.
async function enableWal() {
  if (provider !== "sqlite") return;
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(url.replace(/^file:/, ""));
  db.pragma("journal_mode = WAL");
  db.close();
}

// Migration dirs are ordered by name; make sure a new one sorts after the last existing one
// (two migrations created within the same second would otherwise apply in the wrong order).
function nextMigrationName(generated, existing) {
  const last = existing.at(-1)?.slice(0, 14);
  const ts = generated.slice(0, 14);
  if (!last || !/^\d{14}$/.test(last) || ts > last) return generated;
  const d = new Date(
    Date.UTC(
      +last.slice(0, 4),
      +last.slice(4, 6) - 1,
      +last.slice(6, 8),
      +last.slice(8, 10),
      +last.slice(10, 12),
      +last.slice(12, 14) + 1,
    ),
  );
  const bumped = d.toISOString().replace(/\D/g, "").slice(0, 14);
  return bumped + generated.slice(14);
}
const schemaContent = await fs.readFile(schemaPath, "utf8");
const schema = { files: [{ path: schemaPath, content: schemaContent }] };
// SQLite keeps an undroppable sqlite_sequence table once AUTOINCREMENT was used, which the engine then takes
// for a non-empty schema (P3005): a reset of a SQLite file removes the file and its WAL side files instead.
if (cmd === "reset" && provider === "sqlite") {
  const file = path.resolve(url.replace(/^file:/, ""));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) await fs.rm(file + suffix, { force: true });
  console.log("Database reset.");
  process.exit(0);
}
if (cmd !== "reset") await enableWal();
const engine = await loadEngine([[schemaPath, schemaContent]], factory);

try {
  switch (cmd) {
    case "deploy": {
      const r = await engine.applyMigrations({ migrationsList: await readMigrations(), filters });
      console.log(
        r.appliedMigrationNames.length ? `Applied: ${r.appliedMigrationNames.join(", ")}` : "No pending migrations.",
      );
      break;
    }
    case "status": {
      const migrationsList = await readMigrations();
      const r = await withMigrationsTable(() =>
        engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }),
      );
      console.log(JSON.stringify(r, null, 2));
      break;
    }
    case "dev": {
      let list = await readMigrations();
      const diag = await withMigrationsTable(() => engine.devDiagnostic({ migrationsList: list, filters }));
      if (diag.action.tag === "reset") {
        if (!flag("--force-reset"))
          throw new Error(`Database needs a reset: ${diag.action.reason} (re-run with --force-reset to drop all data)`);
        await resetDatabase();
      }
      const applied = await engine.applyMigrations({ migrationsList: list, filters });
      if (applied.appliedMigrationNames.length)
        console.log(`Applied pending: ${applied.appliedMigrationNames.join(", ")}`);
      const loss = await engine.evaluateDataLoss({ migrationsList: list, schema, filters });
      if (loss.unexecutableSteps?.length) throw new Error(`Unexecutable: ${JSON.stringify(loss.unexecutableSteps)}`);
      if (loss.warnings?.length) console.warn("Data-loss warnings:", JSON.stringify(loss.warnings));
      const name = opt("--name") ?? "migration";
      const out = await engine.createMigration({
        draft: flag("--create-only"),
        migrationName: name,
        migrationsList: list,
        schema,
        filters,
      });
      if (out.migrationScript === null) {
        console.log("Already in sync, no migration created.");
        break;
      }
      const dir = path.join(
        migrationsDir,
        nextMigrationName(
          out.generatedMigrationName,
          list.migrationDirectories.map((m) => m.path),
        ),
      );
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
      await fs.writeFile(
        path.join(migrationsDir, "migration_lock.toml"),
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
      console.log(`Created ${path.relative(process.cwd(), dir)}`);
      if (!flag("--create-only")) {
        list = await readMigrations();
        const r = await engine.applyMigrations({ migrationsList: list, filters });
        console.log(`Applied: ${r.appliedMigrationNames.join(", ")}`);
      }
      break;
    }
    case "push": {
      const r = await engine.schemaPush({ force: flag("--force"), schema, filters });
      if (r.unexecutable.length) throw new Error(`Unexecutable: ${r.unexecutable.join("; ")}`);
      if (r.warnings.length && !flag("--force"))
        throw new Error(`Data-loss warnings (use --force): ${r.warnings.join("; ")}`);
      console.log(`db push: executed ${r.executedSteps} step(s)`);
      break;
    }
    case "diff": {
      // SQL from empty DB to the schema (like `prisma migrate diff --from-empty --to-schema ... --script`)
      const r = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: schema.files },
        script: true,
        exitCode: null,
        filters,
      });
      process.stdout.write(r.stdout ?? "");
      break;
    }
    case "check": {
      // Do the migrations (replayed on a shadow database) produce exactly the schema? Like
      // `prisma migrate diff --from-migrations … --to-schema … --exit-code`.
      const r = await engine.diff({
        from: { tag: "migrations", ...(await readMigrations()) },
        to: { tag: "schemaDatamodel", files: schema.files },
        script: true,
        exitCode: true,
        filters,
      });
      if (r.exitCode === 0) console.log(`${path.relative(process.cwd(), migrationsDir)} produce the schema.`);
      else {
        console.error(
          `${path.relative(process.cwd(), migrationsDir)} do not produce ${path.relative(process.cwd(), schemaPath)}; missing SQL:\n${r.stdout ?? ""}`,
        );
        process.exitCode = 1;
      }
      break;
    }
    case "introspect": {
      // The database's schema, keeping names, relations and defaults of PRISMA_SCHEMA where they still apply
      // (prisma/twin.mjs uses it to recover the schema as of each SQLite migration).
      const r = await engine.introspect({
        schema,
        baseDirectoryPath: path.dirname(schemaPath),
        force: false,
        compositeTypeDepth: -1,
        namespaces: null,
      });
      process.stdout.write(r.schema.files[0]?.content ?? "");
      break;
    }
    case "reset": {
      await resetDatabase();
      console.log("Database reset.");
      break;
    }
    default:
      console.error(
        "usage: node prisma/migrate.mjs <deploy|dev [--name N] [--create-only] [--force-reset]|push [--force]|diff|check|introspect|status|reset>",
      );
      process.exitCode = 2;
  }
} catch (e) {
  // "External error id#N" => the real driver error sits in the adapter's error registry
  const m = /External error id#(\d+)/.exec(String(e?.message));
  if (m) console.error("Driver error:", bound.errorRegistry.consumeError(Number(m[1])));
  throw e;
} finally {
  engine.free();
}
// The engine does not dispose its pg pool; exit explicitly instead of waiting for idle timeouts.
process.exit(process.exitCode ?? 0);
