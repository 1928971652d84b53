// What the figures were measured on.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "not found";
  }
}

export function machine() {
  const osRelease = fs.readFileSync("/etc/os-release", "utf8");
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: /PRETTY_NAME="([^"]+)"/.exec(osRelease)?.[1] ?? os.platform(),
    kernel: os.release(),
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
