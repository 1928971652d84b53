import "server-only";
import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { z } from "zod";
import { getEnv } from "@/lib/env";

// The app's VAPID key pair: it signs every push request, and browsers subscribe with its public half. From the
// environment when set (several instances must share one pair), else generated once and kept in data/.vapid.json
// like data/.auth-secret: a new pair would orphan every subscription made with the old one.

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const stored = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });
const DEFAULT_SUBJECT = "mailto:lunchbox@example.com";

let cached: { file: string; keys: VapidKeys } | undefined;

export function getVapidKeys({
  env = getEnv(),
  dataDir = path.join(process.cwd(), "data"),
}: {
  env?: { VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string; VAPID_SUBJECT?: string };
  dataDir?: string;
} = {}): VapidKeys {
  const subject = env.VAPID_SUBJECT?.trim() || DEFAULT_SUBJECT;
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  if (publicKey || privateKey) throw new Error("Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither.");

  const file = path.join(dataDir, ".vapid.json");
  if (cached?.file === file) return { ...cached.keys, subject };
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": never overwrite a pair another process wrote meanwhile; 0600: the private key signs every push.
    fs.writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const keys = stored.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  cached = { file, keys: { ...keys, subject } };
  return { ...keys, subject };
}
