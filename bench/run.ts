// `npm run bench [-- --only B1,B6] [--runs 3]`: Lunchbox's benchmarks B1–B8 against the production build on
// loopback. Prints a table and writes bench/results.json; each figure is the median of the runs.
import fs from "node:fs";
import path from "node:path";
import { b1 } from "./b1-decision-event";
import { b2 } from "./b2-first-token";
import { type B3State, b3, b3Setup, b3Teardown } from "./b3-chat-turn";
import { type B4State, b4, b4Blocker, b4Setup, b4Teardown, Skip } from "./b4-postgres";
import { type B5State, b5, b5Setup, b5Teardown } from "./b5-inbox";
import { b6 } from "./b6-first-load";
import { b7 } from "./b7-idle-sse";
import { b8 } from "./b8-lighthouse";
import { startMain } from "./lib/fixture";
import { machine } from "./lib/machine";
import { ensureBuild, root } from "./lib/server";
import { median, round } from "./lib/stats";
import type { Figures, Log, MainFixture } from "./lib/types";

type Ctx = { main: MainFixture | null; run: number; log: Log };

type Bench<S = unknown> = {
  id: string;
  title: string;
  /** Uses the main server (port 3500) and its signed-in people. */
  main: boolean;
  /** Once before the runs (data, servers); a thrown Skip reports the benchmark as skipped with its reason. */
  setup?: (log: Log) => Promise<S>;
  run: (ctx: Ctx, state: S) => Promise<Figures>;
  teardown?: (state: S | null) => Promise<void> | void;
  /** Targets: figure name → check on the median. */
  targets: Array<{ figure: string; text: string; met: (value: number) => boolean }>;
};

const atMost = (limit: number, unit = " ms") => ({ text: `≤ ${limit}${unit}`, met: (v: number) => v <= limit });
const atLeast = (limit: number, unit = "") => ({ text: `≥ ${limit}${unit}`, met: (v: number) => v >= limit });

function bench<S>(b: Bench<S>): Bench {
  return b as unknown as Bench;
}

const ALL: Bench[] = [
  bench({
    id: "B1",
    title: "decision → child's SSE event (vs 2 s polling)",
    main: true,
    run: ({ main, run, log }) => b1(need(main), run, log),
    targets: [
      { figure: "sse_1.p95_ms", ...atMost(50) },
      { figure: "sse_200.p95_ms", ...atMost(50) },
      { figure: "ratio_1.p95", ...atLeast(20, "×") },
      { figure: "ratio_200.p95", ...atLeast(20, "×") },
    ],
  }),
  bench({
    id: "B2",
    title: "decision → first token of the agent's continuation",
    main: true,
    run: ({ main, run }) => b2(need(main), run),
    targets: [{ figure: "first_token.p95_ms", ...atMost(150) }],
  }),
  bench({
    id: "B3",
    title: "chat turn: /api/chat vs bare streamText",
    main: false,
    setup: b3Setup,
    run: (_ctx, state: B3State) => b3(state),
    teardown: (state) => {
      if (state) b3Teardown(state);
    },
    targets: [
      { figure: "ratio.cpu", ...atMost(1.3, "×") },
      { figure: "ratio.req_per_s", ...atMost(1.3, "×") },
    ],
  }),
  bench({
    id: "B5",
    title: "inbox with 10,000 requests (200 pending)",
    main: false,
    setup: b5Setup,
    run: (_ctx, state: B5State) => b5(state),
    teardown: (state) => {
      if (state) b5Teardown(state);
    },
    targets: [{ figure: "ttfb.p95_ms", ...atMost(100) }],
  }),
  bench({
    id: "B6",
    title: "first-load JS, gzip",
    main: true,
    run: ({ main }) => b6(need(main)),
    targets: [{ figure: "chat.gzip_kib", ...atMost(200, " KiB") }],
  }),
  bench({
    id: "B7",
    title: "idle SSE connections on one instance",
    main: false,
    run: () => b7(),
    targets: [
      { figure: "delivered", ...atLeast(5000) },
      { figure: "kb_per_connection", ...atMost(80, " KB") },
    ],
  }),
  bench({
    id: "B8",
    title: "Lighthouse mobile",
    main: true,
    run: ({ main }) => b8(need(main)),
    targets: [
      { figure: "chat.performance", ...atLeast(95) },
      { figure: "chat.accessibility", ...atLeast(100) },
      { figure: "inbox.performance", ...atLeast(95) },
      { figure: "inbox.accessibility", ...atLeast(100) },
    ],
  }),
  bench({
    id: "B4",
    title: "cross-instance decision → event on PostgreSQL",
    main: false,
    setup: b4Setup,
    run: ({ run }, state: B4State) => b4(state, run),
    teardown: b4Teardown,
    targets: [{ figure: "cross_instance.p95_ms", ...atMost(100) }],
  }),
];

// The order they run in: those on the main server first (it is stopped afterwards, so B3, B5 and B7 have the
// machine to themselves), and B4 last, as it replaces the build with a PostgreSQL one and removes it after.
const RUN_ORDER = ["B1", "B2", "B6", "B8", "B3", "B5", "B7", "B4"];
const BENCHES = [...ALL].sort((a, b) => RUN_ORDER.indexOf(a.id) - RUN_ORDER.indexOf(b.id));

function need(main: MainFixture | null): MainFixture {
  if (!main) throw new Error("the main bench server is not running");
  return main;
}

function parseArgs(argv: string[]) {
  let only: string[] | null = null;
  let runs = 3;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = arg.includes("=") ? arg.split("=")[1] : argv[i + 1];
    if (arg.startsWith("--only")) {
      only = (value ?? "").split(",").map((s) => s.trim().toUpperCase());
      if (!arg.includes("=")) i++;
    } else if (arg.startsWith("--runs")) {
      runs = Number(value);
      if (!arg.includes("=")) i++;
      if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number ≥ 1");
    } else if (arg === "--fresh") {
      // read by lib/cache.ts
    } else if (arg === "--no-build") {
      build = false;
    } else throw new Error(`unknown option ${arg} (use --only B1,B6, --runs 3, --no-build, --fresh)`);
  }
  return { only, runs, build };
}

type Result =
  | {
      id: string;
      title: string;
      figures: Figures;
      runs: Figures[];
      targets: Array<{ figure: string; target: string; value: number; met: boolean }>;
    }
  | { id: string; title: string; skipped: string };

async function main() {
  const { only, runs, build } = parseArgs(process.argv.slice(2));
  const chosen = BENCHES.filter((b) => !only || only.includes(b.id));
  const log: Log = (line) => console.log(line);
  const started = new Date();
  const host = machine();
  log(`Lunchbox bench: ${chosen.map((b) => b.id).join(", ")}, ${runs} run(s), ${host.cpu} × ${host.cores}`);
  if (build) ensureBuild(log);
  let mainFixture = chosen.some((b) => b.main)
    ? await startMain(log, chosen.some((b) => b.id === "B1") ? 200 : 0)
    : null;
  const results: Result[] = [];
  try {
    for (const bench of chosen) {
      log(`${bench.id} ${bench.title}`);
      let state: unknown = null;
      try {
        state = bench.setup ? await bench.setup(log) : null;
        const perRun: Figures[] = [];
        for (let run = 0; run < runs; run++) {
          perRun.push(await bench.run({ main: mainFixture, run, log }, state));
          log(`  run ${run + 1}/${runs}: ${JSON.stringify(roundAll(perRun.at(-1) ?? {}))}`);
        }
        const names = Object.keys(perRun[0] ?? {});
        const figures = roundAll(
          Object.fromEntries(names.map((n) => [n, median(perRun.map((r) => r[n] ?? Number.NaN))])),
        );
        const targets = bench.targets.map((t) => {
          const value = figures[t.figure] ?? Number.NaN;
          return { figure: t.figure, target: t.text, value, met: t.met(value) };
        });
        results.push({ id: bench.id, title: bench.title, figures, runs: perRun.map(roundAll), targets });
      } catch (error) {
        const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        const word = error instanceof Skip ? "skipped" : "failed";
        log(`  ${bench.id} ${word}: ${reason}`);
        if (!(error instanceof Skip) && error instanceof Error) console.error(error.stack);
        results.push({ id: bench.id, title: bench.title, skipped: `${word}: ${reason}` });
      } finally {
        if (bench.teardown && !(bench.id === "B4" && b4Blocker())) await bench.teardown(state);
      }
      // The main server is done once no later benchmark needs it (B7 and B4 want the machine to themselves).
      if (mainFixture && !chosen.slice(chosen.indexOf(bench) + 1).some((b) => b.main)) {
        await mainFixture.server.stop();
        mainFixture = null;
      }
    }
  } finally {
    await mainFixture?.server.stop();
  }
  results.sort((a, b) => a.id.localeCompare(b.id));
  printTable(results);
  const file = path.join(root, "bench", "results.json");
  // A subset run (--only) replaces its own benchmarks' entries and keeps the others', each with the date and
  // machine load of the run that measured it.
  const stamped = results.map((result) => ({
    ...result,
    date: started.toISOString(),
    loadAverageAtStart: host.loadAverageAtStart,
  }));
  const previous = readPreviousResults(file).filter((old) => !stamped.some((result) => result.id === old.id));
  const merged = [...previous, ...stamped].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  fs.writeFileSync(
    file,
    `${JSON.stringify({ date: started.toISOString(), runs, machine: host, results: merged }, null, 2)}\n`,
  );
  log(`\nwrote ${path.relative(root, file)}`);
}

function roundAll(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v, v < 10 ? 2 : 1)]));
}

function printTable(results: Result[]) {
  const rows: string[][] = [["bench", "figure", "median", "target", ""]];
  for (const r of results) {
    if ("skipped" in r) {
      rows.push([r.id, `${r.id} ${r.skipped}`, "", "", ""]);
      continue;
    }
    const targeted = new Map(r.targets.map((t) => [t.figure, t]));
    for (const [name, value] of Object.entries(r.figures)) {
      const t = targeted.get(name);
      rows.push([r.id, name, String(value), t?.target ?? "", t ? (t.met ? "met" : "MISSED") : ""]);
    }
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length))) ?? [];
  console.log("");
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join("  ")
        .trimEnd(),
    );
}

await main();

function readPreviousResults(file: string): Array<{ id: string }> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
      date?: string;
      machine?: { loadAverageAtStart?: number[] };
      results?: Array<{ id: string; date?: string }>;
    };
    // Entries from before per-entry stamps carry their file's date and load.
    return (parsed.results ?? []).map((entry) => ({
      date: parsed.date,
      loadAverageAtStart: parsed.machine?.loadAverageAtStart,
      ...entry,
    }));
  } catch {
    return [];
  }
}
