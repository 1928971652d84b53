// Reads the inbox forms' fields into service inputs. Pure, so it is unit-tested; the services judge the values.
import { z } from "zod";
import { DECISION_SCOPES } from "@/lib/approvals/scope";

export const decisionForm = z.object({
  requestId: z.string().trim().min(1).max(64),
  intent: z.enum(["APPROVE", "DENY"], { error: "Choose Approve or Deny." }),
  scope: z.enum(DECISION_SCOPES, { error: "Choose what to allow." }).optional(),
  note: z.string().max(500, "Keep the note under 500 characters.").optional(),
});

export const answerForm = z.object({
  requestId: z.string().trim().min(1).max(64),
  // Length and blankness are the service's to judge (answerInput); this only keeps absurd bodies out.
  reply: z.string({ error: "Write a reply." }).max(5000, "Keep the reply under 500 characters."),
});

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export function readDecisionForm(formData: FormData) {
  return decisionForm.safeParse({
    requestId: text(formData, "requestId"),
    intent: text(formData, "intent"),
    scope: text(formData, "scope") || undefined,
    note: text(formData, "note"),
  });
}

export function readAnswerForm(formData: FormData) {
  return answerForm.safeParse({ requestId: text(formData, "requestId"), reply: text(formData, "reply") });
}

export type EditLines = { items: Array<{ dishId: string; quantity: number; replaces?: string }> };

/**
 * The order editor's lines, one per proposed dish, as parallel fields: `line.dishId` (the proposed dish),
 * `line.quantity` (0 removes it) and `line.replaceWith` (another dish of the menu, or empty). Undefined when the
 * form has no editor (not an order); `{ error }` when a quantity is not a whole number.
 */
export function readEditLines(formData: FormData): EditLines | { error: string } | undefined {
  const dishIds = formData.getAll("line.dishId").map(String);
  if (dishIds.length === 0) return undefined;
  const quantities = formData.getAll("line.quantity").map(String);
  const replacements = formData.getAll("line.replaceWith").map(String);
  const items: EditLines["items"] = [];
  for (const [i, dishId] of dishIds.entries()) {
    const raw = quantities[i]?.trim() ?? "";
    if (!/^\d{1,3}$/.test(raw)) return { error: "Enter a whole number for each quantity (0 removes the dish)." };
    const quantity = Number(raw);
    if (quantity === 0) continue;
    const replacement = replacements[i]?.trim();
    items.push(replacement ? { dishId: replacement, quantity, replaces: dishId } : { dishId, quantity });
  }
  return { items };
}
