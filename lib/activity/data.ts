// Reading an audit row's `data` JSON: written by many services over time, so every field is optional here.
import { explainReason, type Reason } from "@/lib/policy";

export type Data = Record<string, unknown>;

export function asData(value: unknown): Data {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {};
}

export function str(data: Data, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) return value.trim();
    // Some services store `{ id, name }` for a restaurant or dish.
    if (value && typeof value === "object" && "name" in value && typeof value.name === "string") return value.name;
  }
  return undefined;
}

export function num(data: Data, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
}

const REASON_CODES = new Set<Reason["code"]>([
  "DISH_PREMIUM",
  "RESTAURANT_RESTRICTED",
  "BUDGET_DAILY",
  "BUDGET_WEEKLY",
  "OUTSIDE_HOURS",
  "QUESTION_FOR_PARENT",
  "PENDING_CAP",
  "RESTAURANT_UNAVAILABLE",
  "DISH_UNAVAILABLE",
]);

/** Stored rule codes in words (via lib/policy, the one place that words them); unknown or malformed codes are skipped. */
export function reasonWords(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((reason) => {
    const code = asData(reason).code;
    if (typeof code !== "string" || !REASON_CODES.has(code as Reason["code"])) return [];
    try {
      const words = explainReason(reason as Reason);
      // A reason row missing a parameter would read "undefined": better to leave it out.
      return typeof words === "string" && !words.includes("undefined") && !words.includes("NaN") ? [words] : [];
    } catch {
      return [];
    }
  });
}
