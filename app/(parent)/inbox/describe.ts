import { format } from "date-fns";
import type { DecideResult } from "@/lib/approvals/decide";

const STATUS_WORDS: Record<string, string> = {
  APPROVED: "approved",
  DENIED: "denied",
  EXPIRED: "expired",
  CANCELLED: "cancelled",
};

/** A decision's result in words for the parent who clicked. */
export function describeDecision(result: DecideResult): { ok: boolean; message: string } {
  switch (result.outcome) {
    case "decided":
      return {
        ok: true,
        message: result.repeated
          ? `Already ${STATUS_WORDS[result.status]} by ${result.decidedByName} at ${format(result.decidedAt, "HH:mm")}.`
          : result.status === "APPROVED"
            ? "Approved. The child's chat has been told."
            : "Denied. The child's chat has been told.",
      };
    case "already-decided":
      return {
        ok: false,
        message: `Already ${STATUS_WORDS[result.status] ?? result.status.toLowerCase()}${
          result.decidedByName ? ` by ${result.decidedByName}` : ""
        }${result.decidedAt ? ` at ${format(result.decidedAt, "HH:mm")}` : ""}.`,
      };
    case "expired":
      return { ok: false, message: "This request has expired: nothing was ordered. The child can ask again." };
    case "cancelled":
      return { ok: false, message: `Nothing was ordered: ${result.message}` };
  }
}
