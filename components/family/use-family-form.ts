"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/family/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** useActionState with the outcome as a toast, which outlives a form that disappears (a removed row). */
export function useFamilyForm(action: Action) {
  return useActionState<FormState, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.message) (result.ok ? toast.success : toast.error)(result.message);
    return result;
  }, {});
}
