import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth-config";
import { getActor } from "@/lib/authz";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor.role) : "/login");
}
