// One sentence per audit action: who did what, and why. Pure: names and request details come in as arguments.
import { formatCents } from "@/lib/money";
import { asData, type Data, num, reasonWords, str, strings } from "./data";

export type AuditRowFacts = {
  seq: number;
  actorId: string | null;
  actorRole: string;
  childId: string | null;
  action: string;
  subjectId: string | null;
  data: unknown;
};

/** The request an audit row is about: what was asked (snapshot) and why a parent was needed (rule codes). */
export type RequestFacts = { kind: string; snapshot: unknown; note: string | null; reasons?: unknown };

export type DescribeContext = {
  /** Every user of the family by id, removed ones included. */
  names: ReadonlyMap<string, string>;
  /** Approval requests by id, for rows with subjectType ApprovalRequest. */
  requests?: ReadonlyMap<string, RequestFacts>;
};

export type Description = { who: string; sentence: string; why: string[] };

/** "request.approved" → "request approved", for places that name an event by its action. */
export function actionLabel(action: string): string {
  return action.replace(/[._]/g, " ");
}

export function describeEvent(row: AuditRowFacts, context: DescribeContext): Description {
  const data = asData(row.data);
  const who = actorName(row, context);
  const child = childName(row, data, context);
  const request = row.subjectId ? context.requests?.get(row.subjectId) : undefined;
  const line = (sentence: string, why: string[] = []) => ({ who, sentence: `${who} ${sentence}`, why });

  switch (row.action) {
    case "request.created":
      return line(asked(data, request), reasonWords(data.reasons));
    case "request.approved":
      return line(approved(data, request, child), decisionWhy(data, request, child));
    case "request.denied":
      return line(`denied ${possessive(child)} ${requestNoun(data, request)}`, decisionWhy(data, request, child));
    case "request.answered": {
      const question = str(data, "question") ?? questionOf(request);
      const answer = str(data, "answer", "note") ?? request?.note ?? undefined;
      return line(`answered ${possessive(child)} question${question ? ` “${question}”` : ""}`, [
        ...(answer ? [`Answer: “${answer}”`] : []),
        ...viaWords(data),
      ]);
    }
    case "request.expired":
      return line(`closed ${possessive(child)} ${requestNoun(data, request)}: no parent answered in time`);
    case "request.cancelled": {
      const message = str(data, "message") ?? request?.note ?? undefined;
      const why = message ? [message] : reasonWords(data.reasons);
      const noun = `${possessive(child)} ${requestNoun(data, request)}`;
      return line(
        data.attempted === "APPROVE" ? `tried to approve ${noun}, but it was cancelled` : `cancelled ${noun}`,
        why,
      );
    }
    case "request.escalated": {
      const told = strings(data.notified);
      const minutes = num(data, "minutes");
      const noun = `${possessive(child)} ${requestNoun(data, request)}`;
      const after = minutes !== undefined ? ` after ${minutes} minutes` : "";
      if (told.length === 0) return line(`found nobody else to tell about ${noun}${after}`);
      return data.reminder === true
        ? line(`reminded ${joinNames(told)} about ${noun}: nobody had decided${after}`)
        : line(`told ${joinNames(told)} about ${noun}: nobody had decided${after}`);
    }
    case "request.expiry_warned": {
      const minutes = num(data, "minutes");
      return line(
        `warned the parents that ${possessive(child)} ${requestNoun(data, request)} expires${minutes !== undefined ? ` in ${minutes} minutes` : " soon"}`,
      );
    }
    case "channel.disabled": {
      const parentId = str(data, "parentId");
      const owner = (parentId ? context.names.get(parentId) : undefined) ?? "a parent";
      const reason = str(data, "reason");
      return line(`switched off a notification channel of ${owner}`, reason ? [reason] : []);
    }
    case "order.placed": {
      const what = orderWords(data) ?? "an order";
      return row.actorRole === "CHILD"
        ? line(`ordered ${what}`, ["Within the family's rules: no parent was needed."])
        : line(`placed ${possessive(child)} order: ${what}`, ["A parent approved it."]);
    }
    case "grant.created": {
      const always = String(data.scope ?? "").startsWith("ALWAYS");
      const target = grantTarget(data);
      return line(always ? `always allowed ${child} ${target}` : `allowed ${child} ${target} once`);
    }
    case "grant.revoked":
      return line(`revoked ${possessive(child)} standing permission ${grantTarget(data)}`);
    case "rules.changed": {
      const version = num(data, "version");
      return line(`changed the family rules${version ? ` (version ${version})` : ""}`, strings(data.changes));
    }
    case "restaurant.created":
      return line(`added the restaurant ${restaurantOf(data, true)}${data.restricted === true ? " (restricted)" : ""}`);
    case "restaurant.updated":
      return line(`changed the restaurant ${restaurantOf(data, true)}`, strings(data.changes));
    case "restaurant.removed":
      return line(`removed the restaurant ${restaurantOf(data, true)}`, messages(data));
    case "dish.created": {
      const price = num(data, "priceCents");
      return line(
        `added ${dishOf(data)}${price !== undefined ? ` (${formatCents(price)})` : ""} to ${restaurantOf(data)}`,
      );
    }
    case "dish.updated":
      return line(`changed ${dishOf(data)} at ${restaurantOf(data)}`, strings(data.changes));
    case "dish.removed":
      return line(`removed ${dishOf(data)} from ${restaurantOf(data)}`, messages(data));
    case "child.created":
      return line(`added the child ${str(data, "name") ?? child}`);
    case "child.updated":
      return line(`changed ${possessive(str(data, "name") ?? child)} details`, strings(data.changes));
    case "child.password_reset":
      return line(`reset ${possessive(str(data, "name") ?? child)} password or PIN`);
    case "child.removed":
      return line(`removed the child ${str(data, "name") ?? child}`, messages(data));
    case "notify.channel_added":
      return line(`added a ${channelKind(data)} channel: ${str(data, "label") ?? "unnamed"}`);
    case "notify.channel_removed":
      return line(`removed a ${channelKind(data)} channel: ${str(data, "label") ?? "unnamed"}`);
    case "notify.preferences_changed":
      return line("changed their notification settings", strings(data.changes));
    case "authz.denied": {
      const required = str(data, "required");
      const attempted = row.subjectId ? `“${row.subjectId}”` : "something";
      return line(`was refused access`, [
        `Tried ${attempted}, which only ${required === "CHILD" ? "a child" : "a parent"} may do.`,
      ]);
    }
    default:
      return line(`did something recorded as “${row.action}”`);
  }
}

function channelKind(data: Data): string {
  const kind = str(data, "kind");
  return kind === "EMAIL" ? "email" : kind === "WEBHOOK" ? "webhook" : kind === "PUSH" ? "push" : "notification";
}

function actorName(row: AuditRowFacts, { names }: DescribeContext): string {
  if (row.actorRole === "SYSTEM") return "Lunchbox";
  const name = row.actorId ? names.get(row.actorId) : undefined;
  if (name) return name;
  if (row.actorRole === "PARENT") return "A parent";
  if (row.actorRole === "CHILD") return "A child";
  return "Someone who was not signed in";
}

function childName(row: AuditRowFacts, data: Data, { names }: DescribeContext): string {
  const id = row.childId ?? str(data, "childId");
  return (id ? names.get(id) : undefined) ?? str(data, "childName") ?? "a child";
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function possessive(name: string): string {
  return `${name}'s`;
}

function questionOf(request: RequestFacts | undefined): string | undefined {
  const snapshot = asData(request?.snapshot);
  return str(snapshot, "question");
}

/** "1× Deluxe Burger from Burger Bonanza ($12.99)", from the row's data or the request's snapshot. */
function orderWords(source: Data): string | undefined {
  const restaurant = str(source, "restaurant");
  const items = Array.isArray(source.items)
    ? source.items.map((item) => {
        if (typeof item === "string") return item;
        const line = asData(item);
        return `${num(line, "quantity") ?? 1}× ${str(line, "name") ?? "a dish"}`;
      })
    : [];
  const total = num(source, "totalCents");
  if (!restaurant && items.length === 0) return undefined;
  const list = items.length ? items.join(", ") : "an order";
  return `${list}${restaurant ? ` from ${restaurant}` : ""}${total !== undefined ? ` (${formatCents(total)})` : ""}`;
}

function requestKind(data: Data, request: RequestFacts | undefined): string | undefined {
  return str(data, "kind") ?? request?.kind;
}

function asked(data: Data, request: RequestFacts | undefined): string {
  const snapshot = asData(request?.snapshot);
  switch (requestKind(data, request)) {
    case "ORDER": {
      const what = orderWords(snapshot) ?? orderWords(data);
      return what ? `asked a parent to allow ${what}` : "asked a parent to allow an order";
    }
    case "RESTAURANT_ACCESS": {
      const restaurant = str(snapshot, "restaurant") ?? str(data, "restaurant");
      return restaurant ? `asked to use ${restaurant}` : "asked to use a restricted restaurant";
    }
    case "QUESTION": {
      const question = str(snapshot, "question") ?? str(data, "question");
      return question ? `asked a parent: “${question}”` : "asked a parent a question";
    }
    default:
      return "asked a parent for something";
  }
}

/** "order (1× Deluxe Burger from Burger Bonanza ($12.99))", "request to use Fancy French", "question “…”". */
function requestNoun(data: Data, request: RequestFacts | undefined): string {
  const snapshot = asData(request?.snapshot);
  switch (requestKind(data, request)) {
    case "ORDER": {
      const what = orderWords(snapshot) ?? orderWords(data);
      return what ? `order of ${what}` : "order";
    }
    case "RESTAURANT_ACCESS": {
      const restaurant = str(snapshot, "restaurant") ?? str(data, "restaurant");
      return restaurant ? `request to use ${restaurant}` : "request to use a restaurant";
    }
    case "QUESTION": {
      const question = str(snapshot, "question") ?? str(data, "question");
      return question ? `question “${question}”` : "question";
    }
    default:
      return "request";
  }
}

function approved(data: Data, request: RequestFacts | undefined, child: string): string {
  const scope = str(data, "scope");
  if (requestKind(data, request) === "RESTAURANT_ACCESS") {
    const restaurant = str(asData(request?.snapshot), "restaurant") ?? str(data, "restaurant") ?? "a restaurant";
    return scope === "ALWAYS_RESTAURANT"
      ? `always allowed ${child} to use ${restaurant}`
      : `allowed ${child} to use ${restaurant} once`;
  }
  const edited = Object.keys(asData(data.edit)).length > 0;
  const noun = requestNoun(data, request);
  const standing =
    scope === "ALWAYS_DISH"
      ? ", and always allowed this dish"
      : scope === "ALWAYS_RESTAURANT"
        ? ", and always allowed this restaurant"
        : "";
  return `approved ${possessive(child)} ${noun}${edited ? " with changes" : ""}${standing}`;
}

/** Why a parent was asked (the request's rules), what they changed, and what they told the child. */
function decisionWhy(data: Data, request: RequestFacts | undefined, child: string): string[] {
  const changes = strings(asData(data.edit).changes);
  const note = str(data, "note");
  return [
    ...reasonWords(request?.reasons ?? data.reasons),
    ...(changes.length ? [`Changed: ${changes.join("; ")}`] : []),
    ...(note ? [`Note to ${child}: “${note}”`] : []),
    ...viaWords(data),
  ];
}

/** A decision made from a one-tap link in a notification says so (audit data `via: "link"`). */
function viaWords(data: Data): string[] {
  return data.via === "link" ? ["Decided from a one-tap link."] : [];
}

function grantTarget(data: Data): string {
  const restaurant = restaurantOf(data);
  const dish = str(data, "dish", "dishName");
  return dish ? `to order the ${dish} at ${restaurant}` : `to use ${restaurant}`;
}

/** For restaurant.* rows the restaurant may be the row's own `name`; elsewhere `name` is something else. */
function restaurantOf(data: Data, ownName = false): string {
  return str(data, "restaurant", "restaurantName", ...(ownName ? ["name"] : [])) ?? "a restaurant";
}

function dishOf(data: Data): string {
  return str(data, "dish", "dishName", "name") ?? "a dish";
}

function messages(data: Data): string[] {
  const message = str(data, "message");
  return message ? [message] : [];
}
