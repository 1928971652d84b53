import type { Metadata } from "next";
import { EmptyState, Panel } from "@/components/family/card";
import { AddChildForm, ChildCard } from "@/components/family/child-forms";
import { getChildren } from "@/lib/family/children";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Children" };

export default async function ChildrenPage() {
  const parent = await requirePageActor("PARENT");
  const children = await getChildren({ familyId: parent.familyId });
  return (
    <div className="space-y-6">
      <h1 className="font-bold text-2xl">Children</h1>
      {children.length === 0 ? (
        <EmptyState>No children yet. Add one below so they can sign in and order.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Children">
          {children.map((child) => (
            <li key={child.id}>
              <ChildCard child={child} />
            </li>
          ))}
        </ul>
      )}
      <Panel aria-labelledby="add-child-heading">
        <h2 id="add-child-heading" className="mb-3 font-semibold text-lg">
          Add a child
        </h2>
        <AddChildForm />
      </Panel>
    </div>
  );
}
