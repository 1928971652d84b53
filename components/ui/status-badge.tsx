import type { RequestStatus } from "@/lib/chat/types";

// Status always has a word and a colour, never colour alone.
const STYLES: Record<RequestStatus["status"], { label: string; icon: string; className: string }> = {
  PENDING: {
    label: "Waiting for a parent",
    icon: "⏳",
    className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  APPROVED: {
    label: "Approved",
    icon: "✓",
    className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  },
  ANSWERED: {
    label: "Answered",
    icon: "✓",
    className: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  },
  DENIED: { label: "Denied", icon: "✕", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  EXPIRED: {
    label: "Expired",
    icon: "⌛",
    className: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200",
  },
  CANCELLED: {
    label: "Cancelled",
    icon: "–",
    className: "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200",
  },
};

export function StatusBadge({ status }: { status: RequestStatus["status"] }) {
  const style = STYLES[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 font-semibold text-sm ${style.className}`}
    >
      <span aria-hidden>{style.icon}</span>
      {style.label}
    </span>
  );
}
