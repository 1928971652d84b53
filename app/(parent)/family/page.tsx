import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getChildren } from "@/lib/family/children";
import { getStandingGrants } from "@/lib/family/grants";
import { getRestaurants } from "@/lib/family/restaurants";
import { getRulesOverview } from "@/lib/family/rules";
import { formatCents } from "@/lib/money";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Family" };

function SectionCard({ href, title, children }: { href: string; title: string; children: ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        className="block h-full min-h-11 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 hover:ring-brand-500 dark:bg-stone-900 dark:ring-stone-800"
      >
        <h2 className="font-semibold text-lg">
          {title} <span aria-hidden>→</span>
        </h2>
        <div className="mt-1 text-sm text-stone-600 dark:text-stone-400">{children}</div>
      </Link>
    </li>
  );
}

export default async function FamilyPage() {
  const parent = await requirePageActor("PARENT");
  const [restaurants, children, grants, { rules, changedByName }] = await Promise.all([
    getRestaurants({ familyId: parent.familyId }),
    getChildren({ familyId: parent.familyId }),
    getStandingGrants({ familyId: parent.familyId }),
    getRulesOverview({ familyId: parent.familyId }),
  ]);
  const dishes = restaurants.reduce((sum, r) => sum + r.dishCount, 0);
  const restricted = restaurants.filter((r) => r.restricted).length;
  const grantCount = grants.reduce((sum, child) => sum + child.grants.length, 0);
  const hours = rules.orderingHours ? `${rules.orderingHours.start}–${rules.orderingHours.end}` : "any time";
  return (
    <div className="space-y-4">
      <h1 className="font-bold text-2xl">Family</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        <SectionCard href="/family/restaurants" title="Restaurants">
          {restaurants.length} restaurants, {dishes} dishes
          {restricted > 0 ? `; ${restricted} restricted` : ""}.
        </SectionCard>
        <SectionCard href="/family/children" title="Children">
          {children.length === 0 ? "No children yet." : children.map((c) => c.name).join(", ")}
        </SectionCard>
        <SectionCard href="/family/grants" title="Always allowed">
          {grantCount === 0
            ? "Nothing is always allowed."
            : `${grantCount} standing ${grantCount === 1 ? "permission" : "permissions"}.`}
        </SectionCard>
        <SectionCard href="/family/rules" title="Rules">
          Version {rules.version}
          {changedByName ? ` by ${changedByName}` : ""}: premium dishes above {formatCents(rules.premiumLimitCents)}{" "}
          need a parent; ordering {hours}.
        </SectionCard>
      </ul>
    </div>
  );
}
