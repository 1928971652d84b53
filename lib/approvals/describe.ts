// A decision's result in words, for the parent who clicked (inbox) or called (the decision API).
import { format } from "date-fns";
import type { DecideResult } from "@/lib/approvals/decide";

const STATUS_WORDS: Record<string, string> = {
  APPROVED: "approved",
  DENIED: "denied",
  ANSWERED: "answered",
  EXPIRED: "expired",
  CANCELLED: "cancelled",
};

const DONE: Record<string, string> = {
  APPROVED: "Approved. The child's chat has been told.",
  DENIED: "Denied. The child's chat has been told.",
  ANSWERED: "Reply sent. The child's chat has been told.",
};

/** A decision's result in words for the parent who clicked. */
export function describeDecision(result: DecideResult): { ok: boolean; message: string } {
  switch (result.outcome) {
    case "decided":
      if (result.repeated) {
        return {
          ok: true,
          message: `Already ${STATUS_WORDS[result.status]} by ${result.decidedByName} at ${format(result.decidedAt, "HH:mm")}.`,
        };
      }
      if (result.changes?.length) {
        return {
          ok: true,
          message: `Approved with changes (${result.changes.join("; ")}). The child's chat has been told.`,
        };
      }
      return { ok: true, message: DONE[result.status] ?? "Done." };
    case "already-decided":
      return {
        ok: false,
        message: `Already ${STATUS_WORDS[result.status] ?? result.status.toLowerCase()}${
          result.decidedByName ? ` by ${result.decidedByName}` : ""
        }${result.decidedAt ? ` at ${format(result.decidedAt, "HH:mm")}` : ""}.`,
      };
    case "expired":
      return { ok: false, message: "This request has expired: nothing happened. The child can ask again." };
    case "cancelled":
      return { ok: false, message: `Nothing was ordered: ${result.message}` };
  }
}
