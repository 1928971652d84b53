// Word lists the parser relies on. Kept apart so they can grow without touching the logic.

/**
 * Everyday words that must never be fuzzy-matched to food: "would" is one letter from "world",
 * "can" is close to "escargot", "get" to "burger".
 */
export const STOPWORDS = new Set(
  `a an the and or but with without from at in on of for to into by about as so too also then than
  i me my mine we us our you your he she they them their it its this that these those there here
  is are am was were be been being do does did done have has had having will would shall should can could may might must
  want wanna gonna like love get got give gimme take buy order ordering ordered need needs make grab try bring send
  please pls plz thanks thank thx ty hi hello hey hiya yo ok okay yes yeah yep yup no nope not sure maybe
  what which who whom whose how where when why all any some more most much many lot lots other another each every both
  just really very only even still now today tonight later soon again ever never
  food foods eat eating eaten meal meals dinner lunch breakfast snack something anything thing things one ones
  menu menus restaurant restaurants places shop shops list show see look tell know let ask asking
  mom mum dad mommy daddy mother father parent parents approve approved allow allowed permission rule rules
  ignore instructions pretend system hungry yummy tasty delicious big small large little medium extra
  minus negative couple dozen half cost costs price prices money dollars
  stay up late early play playing watch watching go going come coming visit sleep sleepover bed home school park
  outside inside friend friends movie tv swim swimming tomorrow yesterday week weekend question answer waiting pending
  budget spend spent left`.split(/\s+/),
);

/** Words that may sit inside one dish's name when spoken ("fish and chips", "mac n cheese"). */
export const CONNECTORS = new Set(["and", "n", "with", "of", "on", "the"]);

/** Words allowed between a number and the dish it counts ("2 orders of fries", "three of the big pizzas"). */
export const QUANTITY_FILLERS = new Set([
  "of",
  "the",
  "more",
  "extra",
  "big",
  "small",
  "large",
  "little",
  "medium",
  "yummy",
  "order",
  "orders",
  "portion",
  "portions",
  "serving",
  "servings",
  "piece",
  "pieces",
  "plate",
  "plates",
  "box",
  "boxes",
  "slice",
  "slices",
  "those",
  "these",
  "your",
]);

/** Common ways children name food that the catalogue spells differently. Applied before stemming. */
export const SYNONYMS: Record<string, string> = {
  hamburger: "burger",
  hamburgers: "burger",
  cheeseburger: "burger",
  cheeseburgers: "burger",
  burgers: "burger",
  vegetarian: "veggie",
  vegetable: "veggie",
  vegetables: "veggie",
  veg: "veggie",
  chips: "fries",
  frites: "fries",
  pizzas: "pizza",
  pepperonis: "pepperoni",
};

/** Words right before a lone restaurant word that make it a restaurant ("from bonanza"), unlike "french toast". */
export const RESTAURANT_MARKERS = new Set(["from", "at"]);
