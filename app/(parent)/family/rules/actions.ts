"use server";

import type { FormState } from "@/lib/family/form-state";
import { saveRules } from "@/lib/family/rules";
import { rulesInputFromForm } from "@/lib/family/rules-form";
import { runFamilyAction } from "../run-action";

export async function saveRulesAction(_: FormState, formData: FormData): Promise<FormState> {
  const { input, values } = rulesInputFromForm(formData);
  return runFamilyAction("rules.change", values, async (actor) => {
    const result = await saveRules(actor, input);
    return result.saved
      ? `Saved as version ${result.version}: ${result.changes.join("; ")}.`
      : "Nothing to save: the rules are unchanged.";
  });
}
