import { format, formatDistanceToNow } from "date-fns";
import type { Metadata } from "next";
import { RulesForm } from "@/components/family/rules-form";
import { getRulesOverview } from "@/lib/family/rules";
import { rulesFormValues, timeZoneChoices } from "@/lib/family/rules-values";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  const parent = await requirePageActor("PARENT");
  const { rules, changedByName, changedAt, children } = await getRulesOverview({ familyId: parent.familyId });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="font-bold text-2xl">Rules</h1>
        <p className="text-stone-600 dark:text-stone-400">
          Version {rules.version}, set by {changedByName ?? "a parent"}{" "}
          <time dateTime={changedAt.toISOString()} title={format(changedAt, "PPpp")}>
            {formatDistanceToNow(changedAt, { addSuffix: true })}
          </time>
          . Saving makes a new version; requests already waiting keep the rules they were judged by.
        </p>
      </div>
      <RulesForm
        key={rules.version}
        initial={rulesFormValues(rules, children)}
        kids={children}
        timeZones={timeZoneChoices(rules.timeZone)}
      />
    </div>
  );
}
