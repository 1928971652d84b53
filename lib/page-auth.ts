import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { homeFor, type Role } from "@/lib/auth-config";
import { type Actor, getActor } from "@/lib/authz";

// Once per request: a layout, its page and the page's metadata all ask, and each ask decrypted the session and
// re-read the user. The user is still read from the database on every request (a removed user is refused at once).
const currentActor = cache(getActor);

/** For pages: signed-out users go to /login, the other role goes to its own home. */
export async function requirePageActor(role: Role): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (actor.role !== role) redirect(homeFor(actor.role));
  return actor;
}
