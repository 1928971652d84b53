import "server-only";
import { revalidatePath } from "next/cache";
import { type Actor, requireActor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/family/form-state";
import { fieldErrorsOfError } from "@/lib/family/validate";

/**
 * The frame of every /family action: a parent checked against the database (audited when refused), the work,
 * then fresh pages. Known errors become the form's message and field errors, with what was typed kept.
 */
export async function runFamilyAction(
  name: string,
  values: Record<string, string>,
  work: (actor: Actor) => Promise<string>,
): Promise<FormState> {
  try {
    const actor = await requireActor("PARENT", `family.${name}`);
    const message = await work(actor);
    revalidatePath("/family", "layout");
    return { ok: true, message, values };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, message: error.message, fieldErrors: fieldErrorsOfError(error), values };
    }
    throw error;
  }
}
