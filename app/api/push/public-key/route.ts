import { errorResponse } from "@/lib/errors";
import { getVapidKeys } from "@/lib/notify/vapid";

export const dynamic = "force-dynamic";

/** The VAPID public key browsers subscribe with (`applicationServerKey`); public by design. */
export async function GET() {
  try {
    return Response.json({ publicKey: getVapidKeys().publicKey }, { headers: { "cache-control": "no-cache" } });
  } catch (error) {
    return errorResponse(error);
  }
}
