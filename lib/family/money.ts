// Dollars typed by a parent ("12.50", "$1,000") into integer cents, without floating point. Pure.

export type DollarsResult = { ok: true; cents: number } | { ok: false; error: string };

const DOLLARS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/** Reads an amount of dollars; says plainly what is wrong with anything else. Bounds are checked by the caller. */
export function parseDollars(text: string): DollarsResult {
  const trimmed = text.trim().replace(/^\$\s*/, "");
  if (trimmed === "") return { ok: false, error: "Enter an amount in dollars, like 12.50." };
  if (/^-/.test(trimmed) || /^\$?\s*-/.test(text.trim())) {
    return { ok: false, error: "The amount cannot be negative." };
  }
  const match = DOLLARS.exec(trimmed);
  if (!match) return { ok: false, error: "Enter an amount in dollars, like 12.50." };
  const whole = (match[1] ?? "0").replaceAll(",", "");
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, error: "Use at most 2 decimals (cents), like 12.50." };
  // Longer than any sensible amount: stop before Number loses precision.
  if (whole.length > 9) return { ok: false, error: "That amount is far too large." };
  return { ok: true, cents: Number(whole) * 100 + Number(fraction.padEnd(2, "0")) };
}

/** Cents as a parent would type them back into a form: 1250 → "12.50". */
export function centsToDollarsInput(cents: number): string {
  return (cents / 100).toFixed(2);
}
