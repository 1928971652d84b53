import { checkDatabase } from "@/lib/database/health";

export const dynamic = "force-dynamic";

/** Readiness: 200 once the database answers and is migrated, 503 with the reason otherwise. */
export async function GET() {
  const health = await checkDatabase();
  if (!health.ok) return Response.json({ status: "unavailable", reason: health.reason }, { status: 503 });
  return Response.json({ status: "ok", database: "ready", families: health.families });
}
