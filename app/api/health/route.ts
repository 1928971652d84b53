import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Readiness: 200 once the database answers and is migrated, 503 with the reason otherwise. */
export async function GET() {
  try {
    const families = await db.family.count();
    return Response.json({ status: "ok", database: "ready", families });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n").slice(-1)[0] : String(error);
    return Response.json({ status: "unavailable", reason: `database: ${reason}` }, { status: 503 });
  }
}
