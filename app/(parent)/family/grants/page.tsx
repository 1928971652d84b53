import { format, formatDistanceToNow } from "date-fns";
import type { Metadata } from "next";
import { EmptyState } from "@/components/family/card";
import { ConfirmForm } from "@/components/family/confirm-form";
import { getStandingGrants, grantSubject } from "@/lib/family/grants";
import { requirePageActor } from "@/lib/page-auth";
import { revokeGrantAction } from "./actions";

export const metadata: Metadata = { title: "Always allowed" };

export default async function GrantsPage() {
  const parent = await requirePageActor("PARENT");
  const children = await getStandingGrants({ familyId: parent.familyId });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-bold text-2xl">Always allowed</h1>
        <p className="text-stone-600 dark:text-stone-400">
          What a parent chose to "always allow" when approving. Revoke one and the child asks again next time.
        </p>
      </div>
      {children.length === 0 ? <EmptyState>No children yet.</EmptyState> : null}
      {children.map((child) => (
        <section key={child.id} aria-labelledby={`grants-${child.id}`} className="space-y-3">
          <h2 id={`grants-${child.id}`} className="font-semibold text-xl">
            {child.name}
          </h2>
          {child.grants.length === 0 ? (
            <p className="text-stone-600 dark:text-stone-400">Nothing is always allowed for {child.name}.</p>
          ) : (
            <ul className="space-y-3">
              {child.grants.map((grant) => {
                const subject = grantSubject(grant);
                return (
                  <li
                    key={grant.id}
                    className="flex flex-wrap items-start justify-between gap-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
                  >
                    <div className="min-w-0">
                      <p className="font-semibold">
                        {subject}{" "}
                        <span className="font-normal text-stone-600 dark:text-stone-400">
                          ({grant.kind === "DISH" ? "premium dish" : "restricted restaurant"})
                        </span>
                      </p>
                      <p className="text-sm text-stone-600 dark:text-stone-400">
                        Allowed by {grant.createdByName ?? "a parent"}{" "}
                        <time dateTime={grant.createdAt.toISOString()} title={format(grant.createdAt, "PPpp")}>
                          {formatDistanceToNow(grant.createdAt, { addSuffix: true })}
                        </time>
                      </p>
                    </div>
                    <ConfirmForm
                      action={revokeGrantAction}
                      fields={{ grantId: grant.id }}
                      label={`Revoke ${subject} for ${child.name}`}
                      shortLabel="Revoke"
                      question={`Revoke ${subject} for ${child.name}? Their next order of it will need a parent's approval.`}
                      confirmLabel={`Yes, revoke ${subject}`}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
