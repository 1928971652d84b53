"use client";

import {
  addChildAction,
  removeChildAction,
  renameChildAction,
  resetSecretAction,
} from "@/app/(parent)/family/children/actions";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "./confirm-form";
import { FormField, FormMessage } from "./form-field";
import { useFamilyForm } from "./use-family-form";

const SECRET_HINT = "A PIN of 4–8 digits, or a password of at least 8 characters.";

export function AddChildForm() {
  const [state, action, pending] = useFamilyForm(addChildAction);
  return (
    <form action={action} className="space-y-3" aria-label="Add a child">
      <FormField
        name="name"
        label="Child's name"
        maxLength={60}
        autoComplete="off"
        defaultValue={state.values?.name ?? ""}
        error={state.fieldErrors?.name}
      />
      <FormField
        name="username"
        label="Username"
        maxLength={30}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint="For signing in: 3–30 lowercase letters, digits, dots, dashes or underscores."
        defaultValue={state.values?.username ?? ""}
        error={state.fieldErrors?.username}
      />
      <FormField
        name="secret"
        type="password"
        label="Password or PIN"
        autoComplete="new-password"
        hint={SECRET_HINT}
        error={state.fieldErrors?.secret}
      />
      <Button type="submit" disabled={pending}>
        Add child
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

type Child = { id: string; name: string; username: string | null };

function RenameForm({ child }: { child: Child }) {
  const [state, action, pending] = useFamilyForm(renameChildAction);
  return (
    <form action={action} className="space-y-2" aria-label={`Rename ${child.name}`}>
      <input type="hidden" name="childId" value={child.id} />
      <FormField
        name="name"
        label={
          <>
            Name<span className="sr-only"> of {child.name}</span>
          </>
        }
        maxLength={60}
        autoComplete="off"
        defaultValue={state.ok === false ? (state.values?.name ?? child.name) : child.name}
        error={state.fieldErrors?.name}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save name
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

function ResetSecretForm({ child }: { child: Child }) {
  const [state, action, pending] = useFamilyForm(resetSecretAction);
  return (
    <form action={action} className="space-y-2" aria-label={`New password or PIN for ${child.name}`}>
      <input type="hidden" name="childId" value={child.id} />
      <FormField
        name="secret"
        type="password"
        label={`New password or PIN for ${child.name}`}
        autoComplete="new-password"
        hint={SECRET_HINT}
        error={state.fieldErrors?.secret}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save password or PIN
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

export function ChildCard({ child }: { child: Child }) {
  return (
    <article
      aria-label={child.name}
      className="rounded-2xl bg-white p-4 ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-semibold text-lg">{child.name}</h3>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Username: <span className="font-mono">{child.username}</span>
          </p>
        </div>
        <ConfirmForm
          action={removeChildAction}
          fields={{ childId: child.id }}
          label={`Remove ${child.name}`}
          question={`Remove ${child.name}? They are signed out at once and can no longer sign in; their pending requests are cancelled and their "always allowed" permissions revoked. Past orders stay in the activity.`}
          confirmLabel={`Yes, remove ${child.name}`}
        />
      </header>
      <details className="mt-2">
        <summary className="min-h-11 cursor-pointer py-3 font-semibold text-sm text-stone-700 dark:text-stone-300">
          Rename {child.name}
        </summary>
        <RenameForm child={child} />
      </details>
      <details className="mt-1">
        <summary className="min-h-11 cursor-pointer py-3 font-semibold text-sm text-stone-700 dark:text-stone-300">
          Reset {child.name}'s password or PIN
        </summary>
        <ResetSecretForm child={child} />
      </details>
    </article>
  );
}
