// Turning bad form input into one error the forms can show field by field.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "./schemas";

export type FieldErrors = Record<string, string>;

/** Bad input: a message for the form and one per field. Nothing has been changed when this is thrown. */
export function invalidInput(fieldErrors: FieldErrors, message = "Please correct the highlighted fields."): AppError {
  return new AppError("bad_request:family", message, { fieldErrors });
}

/** Parses with the schema or throws `invalidInput` with the message of every field that failed. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The per-field messages an error carries, if any. */
export function fieldErrorsOfError(error: AppError): FieldErrors | undefined {
  const value = error.details?.fieldErrors;
  return value && typeof value === "object" ? (value as FieldErrors) : undefined;
}
