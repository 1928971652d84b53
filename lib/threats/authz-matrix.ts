// THREATS.md rows 2, 3 and 20 as one table: every actor × every route handler and server action × every object
// it can point at, with the outcome the app must give. Pure data (no I/O); authz-matrix.int.test.ts runs each cell.

export type ActorKey = "anonymous" | "henry" | "jane" | "joeRemoved" | "quinn" | "dana";
export type Role = "PARENT" | "CHILD";
export type FamilyKey = "A" | "B";

export type ActorSpec = {
  key: ActorKey;
  label: string;
  /** Null: nobody is signed in. */
  role: Role | null;
  family: FamilyKey | null;
  /** False: the account was removed (active = false) while its session token is still valid (row 20). */
  active: boolean;
};

export const ACTORS: ActorSpec[] = [
  { key: "anonymous", label: "anonymous", role: null, family: null, active: false },
  { key: "henry", label: "child Henry", role: "CHILD", family: "A", active: true },
  { key: "jane", label: "parent Jane", role: "PARENT", family: "A", active: true },
  { key: "joeRemoved", label: "removed parent Joe", role: "PARENT", family: "A", active: false },
  { key: "quinn", label: "parent Quinn", role: "PARENT", family: "B", active: true },
  { key: "dana", label: "child Dana", role: "CHILD", family: "B", active: true },
];

/** What an action points at. Child-owned things belong to one child; the catalogue belongs to the family. */
export type ObjectKind = "chat" | "request" | "question" | "grant" | "child" | "restaurant" | "dish";
const CHILD_OWNED: ObjectKind[] = ["chat", "request", "question", "grant", "child"];

/** Who may call an action: a parent, a child, anyone signed in, or the public. */
export type Allowed = Role | "SIGNED_IN" | "PUBLIC";

export type ActionSpec = {
  id: string;
  /** How the app exposes it: the route and method, or the server action's name. */
  label: string;
  allowed: Allowed;
  /** Undefined: the action works on the caller's own family as a whole (add, list, export, rules). */
  object?: ObjectKind;
};

export const ACTIONS: ActionSpec[] = [
  // Route handlers.
  { id: "chat.post", label: "POST /api/chat", allowed: "CHILD", object: "chat" },
  { id: "chat.resume", label: "GET /api/chat/[id]/stream", allowed: "CHILD", object: "chat" },
  { id: "chat.status", label: "GET /api/chat/status", allowed: "CHILD" },
  { id: "events", label: "GET /api/events", allowed: "SIGNED_IN" },
  { id: "api.decide", label: "POST /api/requests/[id]/decision", allowed: "PARENT", object: "request" },
  { id: "activity.export", label: "GET /activity/export", allowed: "PARENT" },
  { id: "health", label: "GET /api/health", allowed: "PUBLIC" },
  { id: "push.key", label: "GET /api/push/public-key", allowed: "PUBLIC" },
  { id: "push.subscribe", label: "POST /api/push/subscriptions", allowed: "PARENT" },
  // Server actions: the inbox.
  { id: "inbox.decide", label: "decideAction", allowed: "PARENT", object: "request" },
  { id: "inbox.answer", label: "answerAction", allowed: "PARENT", object: "question" },
  // Server actions: /family.
  { id: "restaurant.create", label: "addRestaurantAction", allowed: "PARENT" },
  { id: "restaurant.update", label: "updateRestaurantAction", allowed: "PARENT", object: "restaurant" },
  { id: "restaurant.remove", label: "removeRestaurantAction", allowed: "PARENT", object: "restaurant" },
  { id: "dish.create", label: "addDishAction", allowed: "PARENT", object: "restaurant" },
  { id: "dish.update", label: "updateDishAction", allowed: "PARENT", object: "dish" },
  { id: "dish.remove", label: "removeDishAction", allowed: "PARENT", object: "dish" },
  { id: "child.create", label: "addChildAction", allowed: "PARENT" },
  { id: "child.rename", label: "renameChildAction", allowed: "PARENT", object: "child" },
  { id: "child.reset", label: "resetSecretAction", allowed: "PARENT", object: "child" },
  { id: "child.remove", label: "removeChildAction", allowed: "PARENT", object: "child" },
  { id: "grant.revoke", label: "revokeGrantAction", allowed: "PARENT", object: "grant" },
  { id: "rules.save", label: "saveRulesAction", allowed: "PARENT" },
  // Server actions: /family/notifications (the caller's own channels and settings).
  { id: "notify.email", label: "addEmailAction", allowed: "PARENT" },
  { id: "notify.webhook", label: "addWebhookAction", allowed: "PARENT" },
  { id: "notify.preferences", label: "savePreferencesAction", allowed: "PARENT" },
];

/**
 * Whose object: the actor's own (a child's own chat, request, grant, or the child itself), another's in the
 * actor's family (a sibling's chat, the family's restaurant), or the other family's. "none": no object.
 */
export type Relation = "own" | "family" | "other" | "none";

/**
 * ok: the action works. unauthenticated: 401 or the "Please sign in." state. forbidden: 403 or "Only a parent
 * can do this.", with an `authz.denied` audit row. not-found: 404 or a "does not exist" state. Every refusal
 * changes nothing.
 */
export type Outcome = "ok" | "unauthenticated" | "forbidden" | "not-found";

export type Cell = { actor: ActorSpec; action: ActionSpec; relation: Relation; expected: Outcome };

/** The family's children as the seed has them: a child's sibling, for "another child of the family". */
export const CHILDREN: Record<FamilyKey, string[]> = { A: ["Henry", "Rose"], B: ["Dana"] };

function relationsFor(actor: ActorSpec, action: ActionSpec): Relation[] {
  if (!action.object) return ["none"];
  // Signed out, nothing depends on whose object it is: one cell, an object of family A.
  if (actor.role === null) return ["family"];
  const childOwned = CHILD_OWNED.includes(action.object);
  const hasSibling = actor.family !== null && CHILDREN[actor.family].length > 1;
  const relations: Relation[] = [];
  if (childOwned && actor.role === "CHILD") relations.push("own");
  if (!(childOwned && actor.role === "CHILD" && !hasSibling)) relations.push("family");
  relations.push("other");
  return relations;
}

/** The rule the app must follow, in order: public, signed in and active, right role, then the object's owner. */
export function expectedOutcome(actor: ActorSpec, action: ActionSpec, relation: Relation): Outcome {
  if (action.allowed === "PUBLIC") return "ok";
  if (actor.role === null || !actor.active) return "unauthenticated";
  if (action.allowed !== "SIGNED_IN" && action.allowed !== actor.role) return "forbidden";
  if (relation === "other") return "not-found";
  // A child's things are the child's alone: a sibling's chat is as absent as another family's.
  if (relation === "family" && actor.role === "CHILD") return "not-found";
  return "ok";
}

export const CELLS: Cell[] = ACTORS.flatMap((actor) =>
  ACTIONS.flatMap((action) =>
    relationsFor(actor, action).map((relation) => ({
      actor,
      action,
      relation,
      expected: expectedOutcome(actor, action, relation),
    })),
  ),
);

const OBJECT_WORDS: Record<ObjectKind, string> = {
  chat: "a chat",
  request: "a request",
  question: "a question",
  grant: "a grant",
  child: "a child account",
  restaurant: "a restaurant",
  dish: "a dish",
};

const EXPECTED_WORDS: Record<Outcome, string> = {
  ok: "ok",
  unauthenticated: "401",
  forbidden: "403",
  "not-found": "404",
};

/** "child Henry → decideAction on a request of own family → 403". */
export function cellName({ actor, action, relation, expected }: Cell): string {
  const object = action.object ? OBJECT_WORDS[action.object] : "";
  const target =
    relation === "none"
      ? ""
      : actor.role === null
        ? ` on ${object} of family A`
        : relation === "own"
          ? ` on own ${object.replace(/^an? /, "")}`
          : relation === "family"
            ? ` on ${object} of own family`
            : ` on ${object} of the other family`;
  return `${actor.label} → ${action.label}${target} → ${EXPECTED_WORDS[expected]}`;
}
