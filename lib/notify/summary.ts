// "Who was notified when" for the inbox card: one short line per delivery. Pure.
import { localTime } from "./compose";

export type DeliveryFacts = {
  id: string;
  kind: string;
  label: string;
  parentName: string;
  reason: string;
  status: string;
  attempts: number;
  dueAt: Date;
  sentAt: Date | null;
};

export type NotificationLine = { id: string; text: string; failed: boolean };

const SENT_VERB: Record<string, (who: string, label: string) => string> = {
  EMAIL: (who) => `Emailed ${who}`,
  PUSH: (who) => `Push to ${who}`,
  WEBHOOK: (who, label) => `Sent to ${who}'s ${label}`,
};
const NOUN: Record<string, (who: string, label: string) => string> = {
  EMAIL: (who) => `Email to ${who}`,
  PUSH: (who) => `Push to ${who}`,
  WEBHOOK: (who, label) => `${label} for ${who}`,
};
const REASON: Record<string, string> = { ESCALATION: " (escalation)", EXPIRY_WARNING: " (expiry warning)" };

function tries(n: number): string {
  return `${n} ${n === 1 ? "try" : "tries"}`;
}

/** Null for a cancelled delivery: it was never going to be sent, so it is not worth a line. */
export function describeDelivery(d: DeliveryFacts, now: Date, timeZone: string): NotificationLine | null {
  const noun = (NOUN[d.kind] ?? NOUN.EMAIL)?.(d.parentName, d.label) ?? d.parentName;
  const why = REASON[d.reason] ?? "";
  const line = (text: string, failed = false) => ({ id: d.id, text: `${text}${why}`, failed });
  switch (d.status) {
    case "SENT": {
      const verb = (SENT_VERB[d.kind] ?? SENT_VERB.EMAIL)?.(d.parentName, d.label) ?? noun;
      return line(`${verb}${d.sentAt ? ` ${localTime(d.sentAt, timeZone)}` : ""}`);
    }
    case "FAILED":
      return line(`${noun} failed (${tries(d.attempts)})`, true);
    case "PENDING":
      if (d.attempts > 0) return line(`${noun}: retrying (${tries(d.attempts)} so far)`);
      if (d.dueAt > now) return line(`${noun} at ${localTime(d.dueAt, timeZone)} (quiet hours)`);
      return line(`${noun}: sending`);
    case "SENDING":
      return line(`${noun}: sending`);
    default:
      return null;
  }
}
