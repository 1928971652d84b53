import { csvFilename } from "@/lib/activity/csv";
import { activityCsvStream } from "@/lib/activity/export";
import { parseActivityParams } from "@/lib/activity/filters";
import { getFamilyMembers } from "@/lib/activity/queries";
import { requireActor } from "@/lib/authz";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The family's trail as CSV, with the page's filters (?child=&kind=&status=). Parents only: 401/403 otherwise. */
export async function GET(request: Request) {
  try {
    const parent = await requireActor("PARENT", "activity.export");
    const members = await getFamilyMembers({ familyId: parent.familyId });
    const childIds = new Set(members.filter((m) => m.role === "CHILD").map((m) => m.id));
    const { filter } = parseActivityParams(Object.fromEntries(new URL(request.url).searchParams), childIds);
    return new Response(activityCsvStream({ familyId: parent.familyId, filter }), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFilename(new Date())}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
