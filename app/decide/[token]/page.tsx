import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmForm } from "@/components/decide/confirm-form";
import { LinkNotice, LinkPage } from "@/components/decide/link-page";
import { RequestDetails } from "@/components/inbox/request-card";
import { ResolutionsProvider } from "@/components/live/resolutions";
import { StatusBadge } from "@/components/ui/status-badge";
import { decidedLine } from "@/lib/approvals/decided-line";
import { getActor } from "@/lib/authz";
import type { RequestStatus } from "@/lib/chat/types";
import { viewDecisionLink } from "@/lib/decision-links/view";
import { linkQuestion } from "@/lib/decision-links/words";
import { getLatestEventId } from "@/lib/events/outbox";
import { signOutForLink } from "./actions";

// The link is a secret: no search engine, and no Referer carrying it to anywhere else.
export const metadata: Metadata = { title: "Decide", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A one-tap decision link (`/decide/<token>`), outside the parent pages so a signed-out parent reaches it (proxy.ts
 * does not match it). Rendering only reads; the decision is the confirm form's POST.
 */
export default async function DecideLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getActor();
  const view = await viewDecisionLink({ token, session });

  switch (view.kind) {
    case "invalid":
      return (
        <LinkNotice title="This link is not valid">
          <p>It may be cut short or changed. Open the request from the inbox instead.</p>
        </LinkNotice>
      );
    case "expired-link":
      return (
        <LinkNotice title="This link has expired">
          <p>Links in notifications work for a limited time. Open the request from the inbox instead.</p>
        </LinkNotice>
      );
    case "child":
      return (
        <LinkNotice
          title="This page is for parents"
          action={
            <Link href="/chat" className="flex min-h-11 items-center font-semibold underline">
              Back to my chat
            </Link>
          }
        >
          <p>Only a parent can use this link.</p>
        </LinkNotice>
      );
    case "wrong-parent": {
      const who = view.parentName;
      return (
        <LinkNotice
          title={who ? `This link was sent to ${who}` : "This link was sent to someone else"}
          action={
            <form action={signOutForLink}>
              <input type="hidden" name="token" value={token} />
              <button
                type="submit"
                className="flex min-h-11 items-center rounded-xl bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
              >
                {who ? `Sign out, to use it as ${who}` : "Sign out"}
              </button>
            </form>
          }
        >
          <p>
            {who
              ? `Sign in as ${who} to use it, or decide from your own inbox.`
              : "You are signed in as someone it was not sent to."}
          </p>
        </LinkNotice>
      );
    }
    case "used":
      return (
        <LinkNotice title="This link was already used">
          <p>Each link works once. {view.item.status === "PENDING" ? "" : decidedLine(view.item, view.timeZone)}</p>
        </LinkNotice>
      );
    case "closed":
      return (
        <LinkNotice title={closedTitle(view.item.status)}>
          <p>{decidedLine(view.item, view.timeZone)}</p>
        </LinkNotice>
      );
  }

  const { item, claims, parent, timeZone } = view;
  const screen = (
    <LinkPage>
      <article aria-labelledby="decide-heading">
        <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
          <h1 id="decide-heading" className="font-bold text-2xl leading-snug">
            {linkQuestion(claims.action, item)}
          </h1>
          <StatusBadge status={item.status as RequestStatus["status"]} />
        </header>
        <RequestDetails item={item} />
        <ConfirmForm
          token={token}
          action={claims.action}
          requestId={item.id}
          kind={item.kind}
          childName={item.childName}
          passwordFor={session ? null : parent.name}
        />
      </article>
    </LinkPage>
  );
  // Signed in: the family's event stream tells this page when another parent decides first.
  if (!session) return screen;
  const eventCursor = await getLatestEventId(parent.familyId);
  return (
    <ResolutionsProvider eventCursor={eventCursor} timeZone={timeZone}>
      {screen}
    </ResolutionsProvider>
  );
}

function closedTitle(status: string): string {
  if (status === "EXPIRED") return "This request expired";
  if (status === "CANCELLED") return "This request was cancelled";
  return "Already decided";
}
