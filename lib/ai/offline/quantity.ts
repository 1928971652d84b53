// Step 4: find how many of something the child asked for ("two", "a couple of", "3", "-2", "2x").

/** A number found in the words: tokens [start, end] (inclusive) hold it. */
export type QuantitySpan = { start: number; end: number; value: number };

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

/** A single number token, or null: "3", "ten", "2x", "x2". */
function numberToken(token: string | undefined): number | null {
  if (token === undefined) return null;
  const digits = /^x?(\d{1,6})x?$/.exec(token);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  return UNITS[token] ?? TENS[token] ?? null;
}

/** Reads one quantity starting at token i, or null. */
function readAt(tokens: string[], i: number): QuantitySpan | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if ((t === "minus" || t === "negative") && numberToken(tokens[i + 1]) !== null) {
    const inner = readAt(tokens, i + 1);
    if (inner) return { start: i, end: inner.end, value: -inner.value };
  }
  if (t === "a" || t === "an") {
    if (tokens[i + 1] === "couple") return { start: i, end: tokens[i + 2] === "of" ? i + 2 : i + 1, value: 2 };
    if (tokens[i + 1] === "dozen") return { start: i, end: i + 1, value: 12 };
    if (tokens[i + 1] === "hundred") return { start: i, end: i + 1, value: 100 };
    return { start: i, end: i, value: 1 };
  }
  if (t === "couple" && tokens[i + 1] === "of") return { start: i, end: i + 1, value: 2 };
  if (t === "half" && tokens[i + 1] === "a" && tokens[i + 2] === "dozen") return { start: i, end: i + 2, value: 6 };
  const value = numberToken(t);
  if (value === null) return null;
  // "twenty five", "twenty-five" (the hyphen became a space).
  const tens = TENS[t];
  const next = numberToken(tokens[i + 1]);
  if (tens !== undefined && tens < 100 && next !== null && next > 0 && next < 10) {
    return { start: i, end: i + 1, value: tens + next };
  }
  return { start: i, end: i, value };
}

/** Every quantity in the words, left to right, never overlapping. */
export function findQuantities(tokens: string[]): QuantitySpan[] {
  const spans: QuantitySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const span = readAt(tokens, i);
    if (!span) continue;
    spans.push(span);
    i = span.end;
  }
  return spans;
}

/** Single number as used in tests and follow-ups: "ten" → 10, "a couple of" → 2; null if none. */
export function parseQuantity(text: string): number | null {
  const tokens = text.split(" ").filter(Boolean);
  const span = readAt(tokens, 0);
  return span && span.end === tokens.length - 1 ? span.value : null;
}
