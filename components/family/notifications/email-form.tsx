"use client";

import { addEmailAction } from "@/app/(parent)/family/notifications/actions";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage } from "../form-field";
import { useFamilyForm } from "../use-family-form";

export function AddEmailForm() {
  const [state, action, pending] = useFamilyForm(addEmailAction);
  return (
    <form action={action} className="space-y-3" aria-label="Add an email address">
      <FormField
        name="address"
        type="email"
        label="Email address"
        autoComplete="email"
        maxLength={254}
        hint="Each request arrives with links to approve or deny it on the confirm screen."
        defaultValue={state.values?.address ?? ""}
        error={state.fieldErrors?.address}
      />
      <Button type="submit" disabled={pending}>
        Add email
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
