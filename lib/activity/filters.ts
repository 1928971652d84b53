// The activity page's filters: what the URL may say, and which audit actions each choice means. Pure, no I/O.

export const PAGE_SIZE = 50;

export const KINDS = {
  requests: {
    label: "Requests",
    actions: [
      "request.created",
      "request.approved",
      "request.denied",
      "request.answered",
      "request.expired",
      "request.cancelled",
    ],
  },
  orders: { label: "Orders", actions: ["order.placed"] },
  grants: { label: "Always-allowed grants", actions: ["grant.created", "grant.revoked"] },
  rules: { label: "Rules", actions: ["rules.changed"] },
  catalogue: {
    label: "Restaurants & dishes",
    actions: [
      "restaurant.created",
      "restaurant.updated",
      "restaurant.removed",
      "dish.created",
      "dish.updated",
      "dish.removed",
    ],
  },
  children: {
    label: "Children",
    actions: ["child.created", "child.updated", "child.password_reset", "child.removed"],
  },
  notifications: {
    label: "Notifications",
    actions: [
      "notify.channel_added",
      "notify.channel_removed",
      "notify.preferences_changed",
      "request.escalated",
      "request.expiry_warned",
      "channel.disabled",
    ],
  },
  refused: { label: "Refused access", actions: ["authz.denied"] },
} as const satisfies Record<string, { label: string; actions: readonly string[] }>;

export type Kind = keyof typeof KINDS;

/** Statuses are about requests: each is the action that put a request in that state. */
export const STATUSES = {
  asked: { label: "Asked", action: "request.created" },
  approved: { label: "Approved", action: "request.approved" },
  denied: { label: "Denied", action: "request.denied" },
  answered: { label: "Answered", action: "request.answered" },
  expired: { label: "Expired", action: "request.expired" },
  cancelled: { label: "Cancelled", action: "request.cancelled" },
} as const satisfies Record<string, { label: string; action: string }>;

export type Status = keyof typeof STATUSES;

export type ActivityFilter = { childId?: string; kind?: Kind; status?: Status };

/** Keyset cursor: rows older than `before`, or newer than `after` (both are `seq` numbers). */
export type Cursor = { before?: number; after?: number };

type SearchParams = Record<string, string | string[] | undefined>;

export type ParsedParams = { filter: ActivityFilter; cursor: Cursor; notices: string[] };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function isKind(value: string): value is Kind {
  return Object.hasOwn(KINDS, value);
}

function isStatus(value: string): value is Status {
  return Object.hasOwn(STATUSES, value);
}

function parseSeq(value: string): number | undefined {
  if (!/^\d{1,12}$/.test(value)) return undefined;
  const seq = Number(value);
  return seq > 0 ? seq : undefined;
}

/**
 * Reads `?child=&kind=&status=&before=&after=`. Anything unknown is ignored and named in `notices`, so a stale or
 * hand-edited link shows the whole trail with a word of explanation instead of an error.
 * `childIds` are the family's children (removed ones included): an id of another family reads as unknown.
 */
export function parseActivityParams(params: SearchParams, childIds: ReadonlySet<string>): ParsedParams {
  const notices: string[] = [];
  const filter: ActivityFilter = {};
  const child = single(params.child);
  if (child) {
    if (childIds.has(child)) filter.childId = child;
    else notices.push("That child is not in your family, so events of every child are shown.");
  }
  const kind = single(params.kind);
  if (kind) {
    if (isKind(kind)) filter.kind = kind;
    else notices.push(`There is no kind “${kind.slice(0, 40)}”, so events of every kind are shown.`);
  }
  const status = single(params.status);
  if (status) {
    if (isStatus(status)) filter.status = status;
    else notices.push(`There is no status “${status.slice(0, 40)}”, so requests of every status are shown.`);
  }
  // One direction at a time; `before` wins if a link somehow carries both.
  const before = parseSeq(single(params.before));
  const after = before === undefined ? parseSeq(single(params.after)) : undefined;
  const cursor: Cursor = before !== undefined ? { before } : after !== undefined ? { after } : {};
  return { filter, cursor, notices };
}

/**
 * The actions a filter lets through: undefined = every action. A status narrows to one request action; with a
 * kind other than requests nothing can match, which is an honest empty result rather than a guess.
 */
export function actionsFor(filter: ActivityFilter): string[] | undefined {
  const byKind: readonly string[] | undefined = filter.kind ? KINDS[filter.kind].actions : undefined;
  if (!filter.status) return byKind ? [...byKind] : undefined;
  const action = STATUSES[filter.status].action;
  return !byKind || byKind.includes(action) ? [action] : [];
}

/** The where clause of one page (Prisma shape), served by the (familyId, childId, seq) or (familyId, action, seq) index. */
export function activityWhere(familyId: string, filter: ActivityFilter, cursor: Cursor = {}) {
  const actions = actionsFor(filter);
  return {
    familyId,
    ...(filter.childId ? { childId: filter.childId } : {}),
    ...(actions ? { action: actions.length === 1 ? actions[0] : { in: actions } } : {}),
    ...(cursor.before !== undefined
      ? { seq: { lt: cursor.before } }
      : cursor.after !== undefined
        ? { seq: { gt: cursor.after } }
        : {}),
  };
}

/** The URL of the activity page (or its CSV export) with the filters kept. */
export function activityHref(filter: ActivityFilter, cursor: Cursor = {}, path = "/activity"): string {
  const params = new URLSearchParams();
  if (filter.childId) params.set("child", filter.childId);
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.status) params.set("status", filter.status);
  if (cursor.before !== undefined) params.set("before", String(cursor.before));
  if (cursor.after !== undefined) params.set("after", String(cursor.after));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function isFiltered(filter: ActivityFilter): boolean {
  return Boolean(filter.childId || filter.kind || filter.status);
}
