// Step 3b: find restaurant names and dish mentions in the words, then which dishes they can mean.
import { type CatalogueIndex, canonicalWord, type IndexedDish } from "./catalogue-index";
import { CONNECTORS, QUANTITY_FILLERS, RESTAURANT_MARKERS } from "./lexicon";
import { words } from "./normalize";
import { findQuantities, type QuantitySpan } from "./quantity";

export type RestaurantHit = { start: number; end: number; restaurantId: string };
export type Mention = { start: number; end: number; words: string[]; quantity: number; explicitQuantity: boolean };
export type ParsedMessage = { tokens: string[]; restaurants: RestaurantHit[]; mentions: Mention[] };

export function parseMessage(index: CatalogueIndex, normalized: string): ParsedMessage {
  const tokens = words(normalized);
  const quantities = findQuantities(tokens);
  const inQuantity = new Set(quantities.flatMap((q) => range(q.start, q.end)));
  const canon = tokens.map((t, i) => (inQuantity.has(i) ? null : canonicalWord(index, t)));
  const restaurants = findRestaurants(index, tokens, canon);
  const taken = new Set(restaurants.flatMap((r) => range(r.start, r.end)));
  const mentions = findMentions(index, tokens, canon, taken, quantities);
  return { tokens, restaurants, mentions };
}

function findRestaurants(index: CatalogueIndex, tokens: string[], canon: Array<string | null>): RestaurantHit[] {
  const hits: RestaurantHit[] = [];
  const byLength = [...index.restaurants].sort((a, b) => b.words.length - a.words.length);
  for (let i = 0; i < tokens.length; i++) {
    const full = byLength.find((r) => r.words.every((w, k) => canon[i + k] === w));
    if (full) {
      hits.push({ start: i, end: i + full.words.length - 1, restaurantId: full.id });
      i += full.words.length - 1;
      continue;
    }
    // One distinctive word counts only where it must be a place: "from bonanza", "bonanza menu".
    // Otherwise "french toast" or "the best food in the world" would ask a parent for access.
    const word = canon[i];
    const owner = word ? index.distinctiveWords.get(word) : undefined;
    const marked = RESTAURANT_MARKERS.has(tokens[i - 1] ?? "") || /^menus?$/.test(tokens[i + 1] ?? "");
    if (owner && marked) hits.push({ start: i, end: i, restaurantId: owner });
  }
  return hits;
}

function someDishHas(index: CatalogueIndex, needed: string[]): boolean {
  return index.dishes.some((d) => needed.every((w) => d.words.includes(w)));
}

function findMentions(
  index: CatalogueIndex,
  tokens: string[],
  canon: Array<string | null>,
  taken: Set<number>,
  quantities: QuantitySpan[],
): Mention[] {
  const mentions: Mention[] = [];
  const isDishWord = (i: number) => !taken.has(i) && index.dishWords.has(canon[i] ?? "");
  for (let i = 0; i < tokens.length; i++) {
    const first = canon[i];
    if (!first || !isDishWord(i)) continue;
    const found = [first];
    let end = i;
    // Grow greedily while one dish still holds every word; connectors may sit in between.
    for (let j = i + 1; j < tokens.length; j++) {
      const word = canon[j];
      if (word && isDishWord(j) && someDishHas(index, [...found, word])) {
        if (!found.includes(word)) found.push(word);
        end = j;
      } else if (!CONNECTORS.has(tokens[j] ?? "")) break;
    }
    const before = quantityBefore(tokens, quantities, i, mentions.at(-1)?.end ?? -1);
    const after = quantities.find((q) => q.start === end + 1 && /^x\d+$/.test(tokens[q.start] ?? ""));
    const quantity = before ?? after?.value;
    mentions.push({ start: i, end, words: found, quantity: quantity ?? 1, explicitQuantity: quantity !== undefined });
    i = end;
  }
  return mentions;
}

/** The number right before a mention, allowing "orders of", "the", "big" in between. */
function quantityBefore(
  tokens: string[],
  quantities: QuantitySpan[],
  start: number,
  floor: number,
): number | undefined {
  let k = start - 1;
  while (k > floor && QUANTITY_FILLERS.has(tokens[k] ?? "") && !quantities.some((q) => q.end === k)) k--;
  return quantities.find((q) => q.end === k && k > floor)?.value;
}

export type Resolution = {
  mention: Mention;
  dishes: IndexedDish[];
  /** A restaurant the child named that does not sell this dish, so the reply can say where it comes from. */
  notAt?: string;
};

/**
 * Which dishes a mention can mean. Preference: the restaurant named right after it ("fries from
 * Burger Bonanza"), then any restaurant named in the message, then the one talked about last.
 */
export function resolveMentions(index: CatalogueIndex, parsed: ParsedMessage, contextId?: string): Resolution[] {
  return parsed.mentions.map((mention, n) => {
    const nextStart = parsed.mentions[n + 1]?.start ?? Number.POSITIVE_INFINITY;
    const following = parsed.restaurants.find((r) => r.start > mention.end && r.start < nextStart);
    const named = parsed.restaurants.map((r) => r.restaurantId);
    const all = index.dishes.filter((d) => mention.words.every((w) => d.words.includes(w)));
    const exact = all.filter((d) => d.words.length === mention.words.length);
    const pool = exact.length > 0 ? exact : all;
    const levels = [following ? [following.restaurantId] : [], named, contextId ? [contextId] : []];
    for (const level of levels) {
      const inLevel = pool.filter((d) => level.includes(d.restaurantId));
      if (inLevel.length > 0) return { mention, dishes: inLevel };
    }
    const missed = following?.restaurantId ?? named[0];
    const notAt = named.length > 0 ? index.restaurants.find((r) => r.id === missed)?.name : undefined;
    return { mention, dishes: pool, notAt };
  });
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start + 1 }, (_, k) => start + k);
}
