// What a parent may type on /family/notifications, and the push subscription a browser posts. Pure.
import { z } from "zod";
import { pushConfigSchema } from "@/lib/notify/types";
import { isValidTime } from "@/lib/policy";

const text = (message: string) => z.string({ error: message });

export const emailInputSchema = z.object({
  address: text("Enter an email address.")
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address like jane@example.com.").max(254)),
});

export const webhookInputSchema = z.object({
  url: text("Enter the webhook's URL.")
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: "Enter a URL starting with https:// (or http://)." }).max(2000)),
  format: z.enum(["slack", "json"], { error: "Choose Slack or signed JSON." }),
});

const quietTime = text("Enter a time.").transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (!isValidTime(trimmed)) {
    ctx.addIssue({ code: "custom", message: "Enter a time as HH:MM, like 21:30." });
    return z.NEVER;
  }
  return trimmed;
});

export const preferencesSchema = z
  .object({
    quietStart: quietTime,
    quietEnd: quietTime,
    notifyOn: z.enum(["ALL", "ESCALATION"], { error: "Choose what to be told about." }),
  })
  .superRefine(
    ({ quietStart: start, quietEnd: end }, ctx) => {
      const ok = (value: unknown) => value === null || typeof value === "string";
      if (!ok(start) || !ok(end)) return;
      if (start !== null && end === null)
        ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "Enter an end time too, or clear both." });
      if (start === null && end !== null)
        ctx.addIssue({ code: "custom", path: ["quietStart"], message: "Enter a start time too, or clear both." });
      if (start !== null && start === end)
        ctx.addIssue({ code: "custom", path: ["quietEnd"], message: "Start and end must differ." });
    },
    { when: () => true },
  );
/** What the form sends: text as typed (the radio too, which the schema checks). */
export type PreferencesInput = { quietStart: string; quietEnd: string; notifyOn: string };
export type Preferences = z.output<typeof preferencesSchema>;

/** `PushSubscription.toJSON()` from the browser, plus a name for the device. */
export const pushSubscriptionSchema = pushConfigSchema.extend({
  expirationTime: z.number().nullable().optional(),
  label: z.string().trim().min(1).max(60).optional(),
});
export const pushUnsubscribeSchema = z.object({ endpoint: pushConfigSchema.shape.endpoint });

/** "Slack webhook to hooks.slack.com": the label never shows the path, which is the secret of a Slack URL. */
export function webhookLabel(url: string, format: "slack" | "json"): string {
  return `${format === "slack" ? "Slack" : "Signed JSON"} webhook to ${new URL(url).host}`;
}
