// Step 1: turn a child's message into plain lowercase words, so later steps only see [a-z0-9 ].

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwhat's\b/g, "what is"],
  [/\bthat's\b/g, "that is"],
  [/\bthere's\b/g, "there is"],
  [/\bhere's\b/g, "here is"],
  [/\bwho's\b/g, "who is"],
  [/\bwhere's\b/g, "where is"],
  [/\bhow's\b/g, "how is"],
  [/\bit's\b/g, "it is"],
  [/\blet's\b/g, "let us"],
  [/\bi'm\b/g, "i am"],
  [/\bcan't\b/g, "can not"],
  [/\bwon't\b/g, "will not"],
  [/\b(\w+)n't\b/g, "$1 not"],
  [/\b(\w+)'d\b/g, "$1 would"],
  [/\b(\w+)'ll\b/g, "$1 will"],
  [/\b(\w+)'re\b/g, "$1 are"],
  [/\b(\w+)'ve\b/g, "$1 have"],
  // Anything left is a possessive ("pizza palace's menu").
  [/'s\b/g, ""],
];

export function normalize(text: string): string {
  let out = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  out = out.replace(/[\u2018\u2019\u02bc`]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  out = out.replace(/&/g, " and ");
  // Keep a minus sign that starts a number, so "-2 fries" can be refused rather than read as 2.
  out = out.replace(/(^|[^\p{L}\p{N}])[-\u2212](?=\d)/gu, "$1 minus ");
  // "2x" and "x2" stay one token; "×" becomes "x".
  out = out.replace(/\u00d7/g, "x");
  out = out.replace(/[^\p{L}\p{N}]+/gu, " ");
  return out.replace(/\s+/g, " ").trim();
}

export function words(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}

/**
 * A tiny stemmer applied to both the child's words and the catalogue's, so plurals meet:
 * "pizzas" → "pizza", "fries"/"Fries" → "fry", "veggies"/"Veggie" → "veggy".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 2 && w.endsWith("ie")) w = `${w.slice(0, -2)}y`;
  return w;
}
