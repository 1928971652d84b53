// What a /family server action returns to its form (useActionState). Pure: shared by actions and components.

export type FormState = {
  ok?: boolean;
  message?: string;
  /** Field name → what is wrong with it. */
  fieldErrors?: Record<string, string>;
  /** What was typed, so a form that failed shows it again (never a password). */
  values?: Record<string, string>;
};

/** A form field's text, or "" when it is missing or a file. */
export function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
