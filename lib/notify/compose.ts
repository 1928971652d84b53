// A notification in plain words, built from the stored request and its rule reasons only (never model text). Pure.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Snapshot } from "@/lib/approvals/snapshot";
import type { DecisionLinkAction } from "@/lib/decision-links/token";
import { formatCents } from "@/lib/money";
import { explainReasons, type Reason } from "@/lib/policy";
import type { NotificationReason, OutgoingMessage } from "./types";

export type ComposeInput = {
  deliveryId: string;
  reason: NotificationReason;
  request: {
    id: string;
    kind: string;
    snapshot: unknown;
    reasons: unknown;
    createdAt: Date;
    expiresAt: Date;
  };
  childName: string;
  timeZone: string;
  /** An absolute one-tap link for this parent and action (lib/decision-links). */
  link: (action: DecisionLinkAction) => string;
};

/** "18:04" on the family's clock. */
export function localTime(date: Date, timeZone: string): string {
  return format(new TZDate(date, timeZone), "HH:mm");
}

/** What is asked, in one line: "Henry asks for 1× Deluxe Burger from Burger Bonanza ($12.99)". */
export function requestSummary(childName: string, snapshot: Snapshot): string {
  switch (snapshot.kind) {
    case "ORDER": {
      const items = snapshot.items.map((i) => `${i.quantity}× ${i.name}`).join(", ");
      return `${childName} asks for ${items} from ${snapshot.restaurant.name} (${formatCents(snapshot.totalCents)})`;
    }
    case "RESTAURANT_ACCESS":
      return `${childName} asks to use ${snapshot.restaurant.name}`;
    case "QUESTION":
      return `${childName} asks a question`;
  }
}

const TITLE_PREFIX: Record<NotificationReason, (expires: string) => string> = {
  NEW_REQUEST: () => "",
  ESCALATION: () => "Still waiting: ",
  EXPIRY_WARNING: (expires) => `Expires at ${expires}: `,
};

export function composeMessage(input: ComposeInput): OutgoingMessage {
  const snapshot = input.request.snapshot as Snapshot;
  const reasons = explainReasons(input.request.reasons as Reason[]);
  const expires = localTime(input.request.expiresAt, input.timeZone);
  const asked = localTime(input.request.createdAt, input.timeZone);
  const summary = requestSummary(input.childName, snapshot);

  const lines: string[] = [];
  if (input.reason === "ESCALATION") lines.push(`Nobody has decided yet: ${input.childName} asked at ${asked}.`);
  if (input.reason === "EXPIRY_WARNING") lines.push(`Nobody has decided yet, and the request expires at ${expires}.`);
  lines.push(`${summary}.`);
  // The question's words were put together by Lunchbox from the child's; say so, as the inbox does.
  if (snapshot.kind === "QUESTION") lines.push(`The question, as Lunchbox put it: “${snapshot.question}”`);
  if (reasons.length > 0) lines.push(`Why a parent is needed: ${reasons.join(" ")}`);
  lines.push(`It expires at ${expires} (${input.timeZone}); after that the child can ask again.`);

  const decidable = snapshot.kind !== "QUESTION";
  return {
    deliveryId: input.deliveryId,
    reason: input.reason,
    requestId: input.request.id,
    requestKind: snapshot.kind,
    childName: input.childName,
    title: `${TITLE_PREFIX[input.reason](expires)}${summary}`,
    body: lines.join("\n"),
    links: {
      open: input.link("open"),
      ...(decidable ? { approve: input.link("approve"), deny: input.link("deny") } : {}),
    },
    expiresAt: input.request.expiresAt,
  };
}
