import "server-only";
import path from "node:path";
import { z } from "zod";

// One schema for the environment; every default is the embedded one (SQLite file, offline model).
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "Only SQLite file: URLs are supported in this version")
    .default(`file:${path.join(process.cwd(), "data", "lunchbox.db")}`),
  OPENAI_API_KEY: z.string().trim().optional(),
  OPENAI_MODEL: z.string().trim().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OFFLINE_MODEL_DELAY_MS: z.coerce.number().int().min(0).max(2000).default(15),
  EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  SSE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  CHAT_TURNS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  // Web push; without a pair, lib/notify/vapid.ts generates one into data/.vapid.json.
  VAPID_PUBLIC_KEY: z.string().trim().optional(),
  VAPID_PRIVATE_KEY: z.string().trim().optional(),
  VAPID_SUBJECT: z
    .string()
    .trim()
    .regex(/^(mailto:|https:)/, "VAPID_SUBJECT must be a mailto: or https: URL")
    .optional(),
  // Notifications (lib/notify): the outbox worker's poll interval, the mail server, the links' public origin.
  NOTIFY_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).default("Lunchbox <lunchbox@localhost>"),
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
});

export type Env = z.infer<typeof schema>;

/** Parsed on each call (microseconds), so tests and long-running processes see the current environment. */
export function getEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
