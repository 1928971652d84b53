import "server-only";
import { redirect } from "next/navigation";
import { homeFor, type Role } from "@/lib/auth-config";
import { type Actor, getActor } from "@/lib/authz";

/** For pages: signed-out users go to /login, the other role goes to its own home. */
export async function requirePageActor(role: Role): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.role !== role) redirect(homeFor(actor.role));
  return actor;
}
