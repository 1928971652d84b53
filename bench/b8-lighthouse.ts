// B8: Lighthouse (the npm package's CLI, its default mobile settings: a mid-range phone, slow 4G, 4× CPU
// throttling) on /chat and /inbox in Debian's Chromium, signed in through a session cookie header.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Client } from "./lib/client";
import { root } from "./lib/server";
import type { Figures, MainFixture } from "./lib/types";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

type Report = {
  categories: Record<string, { score: number | null }>;
  finalDisplayedUrl: string;
  /** Lighthouse's own CPU benchmark of the machine during the run: low means a busy or slow CPU. */
  environment: { benchmarkIndex: number };
  audits: Record<string, { numericValue?: number }>;
};

function lighthouse(who: Client, page: string): Report {
  const out = path.join(root, "bench", "tmp", `lighthouse-${page.replaceAll("/", "")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/lighthouse/cli/index.js"),
      new URL(page, who.baseURL).toString(),
      "--quiet",
      "--output=json",
      `--output-path=${out}`,
      "--only-categories=performance,accessibility",
      "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu",
      `--extra-headers=${JSON.stringify({ Cookie: who.cookie })}`,
    ],
    { cwd: root, env: { ...process.env, CHROME_PATH: CHROME }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`lighthouse ${page} failed: ${result.stderr.slice(-500)}`);
  const report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
  if (!new URL(report.finalDisplayedUrl).pathname.startsWith(page)) {
    throw new Error(`lighthouse ${page} ended on ${report.finalDisplayedUrl} (not signed in?)`);
  }
  return report;
}

const score = (report: Report, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);

export async function b8(fx: MainFixture): Promise<Figures> {
  // B6's child: its /chat opens on its latest chat with nothing left to tell. (B1's child has dozens of answers
  // nobody told, a state no real child reaches, each of which would make /chat load the AI SDK at once.)
  const chat = lighthouse(fx.fresh, "/chat");
  const inbox = lighthouse(fx.parent, "/inbox");
  return {
    "chat.performance": score(chat, "performance"),
    "chat.accessibility": score(chat, "accessibility"),
    "inbox.performance": score(inbox, "performance"),
    "inbox.accessibility": score(inbox, "accessibility"),
    "chat.lcp_ms": chat.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    "chat.tbt_ms": chat.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    "inbox.lcp_ms": inbox.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    "inbox.tbt_ms": inbox.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    cpu_benchmark_index: Math.min(chat.environment.benchmarkIndex, inbox.environment.benchmarkIndex),
  };
}
