// Step 3a: the catalogue's vocabulary, and fuzzy matching of a child's word onto it with Fuse.js.
import Fuse from "fuse.js";
import { STOPWORDS, SYNONYMS } from "./lexicon";
import { normalize, stem, words } from "./normalize";
import type { CatalogueDish, OfflineCatalogue } from "./types";

export type IndexedRestaurant = { id: string; name: string; restricted: boolean; words: string[] };
export type IndexedDish = CatalogueDish & { words: string[] };

export type CatalogueIndex = {
  restaurants: IndexedRestaurant[];
  dishes: IndexedDish[];
  /** Words that appear in some dish name (stemmed). */
  dishWords: Set<string>;
  /** Restaurant words that name exactly one restaurant and no dish ("bonanza", "palace"). */
  distinctiveWords: Map<string, string>;
  fuse: Fuse<string>;
};

/** Stemmed meaningful words of a name; a name made only of common words keeps them all. */
function nameWords(name: string): string[] {
  const all = words(normalize(name)).map(stem);
  const meaningful = all.filter((w) => !STOPWORDS.has(w));
  return meaningful.length > 0 ? meaningful : all;
}

export function buildIndex(catalogue: OfflineCatalogue): CatalogueIndex {
  const restaurants = catalogue.restaurants.map((r) => ({
    id: r.id,
    name: r.name,
    restricted: r.restricted,
    words: nameWords(r.name),
  }));
  const dishes = catalogue.restaurants.flatMap((r) =>
    r.dishes.map((d) => ({ ...d, restaurantId: r.id, restaurantName: r.name, words: nameWords(d.name) })),
  );
  const dishWords = new Set(dishes.flatMap((d) => d.words));
  const owners = new Map<string, Set<string>>();
  for (const r of restaurants) {
    for (const w of r.words) owners.set(w, (owners.get(w) ?? new Set()).add(r.id));
  }
  const distinctiveWords = new Map<string, string>();
  for (const [w, ids] of owners) {
    const [only] = [...ids];
    if (ids.size === 1 && only !== undefined && !dishWords.has(w)) distinctiveWords.set(w, only);
  }
  const vocabulary = [...new Set([...dishWords, ...owners.keys()])].sort();
  const fuse = new Fuse(vocabulary, { includeScore: true, threshold: 0.3, ignoreLocation: true });
  return { restaurants, dishes, dishWords, distinctiveWords, fuse };
}

/**
 * The catalogue word a child's word stands for, or null. Exact (after synonyms and stemming)
 * first; otherwise Fuse, but only for uncommon words of 3+ letters, and only when the match
 * covers most of the catalogue word, so "pepper" is not "pepperoni" and "pal" is not "palace".
 */
export function canonicalWord(index: CatalogueIndex, token: string): string | null {
  const word = stem(SYNONYMS[token] ?? token);
  if (index.dishWords.has(word) || isRestaurantWord(index, word)) return word;
  if (STOPWORDS.has(token) || word.length < 3 || /\d/.test(word)) return null;
  const maxScore = word.length <= 4 ? 0.25 : 0.3;
  for (const hit of index.fuse.search(word, { limit: 3 })) {
    const score = hit.score ?? 1;
    if (score > maxScore) break;
    const ratio = word.length / hit.item.length;
    if (ratio >= 0.75 && ratio <= 1.4) return hit.item;
  }
  return null;
}

function isRestaurantWord(index: CatalogueIndex, word: string): boolean {
  return index.restaurants.some((r) => r.words.includes(word));
}
