// One model step: read the prompt, then either plan tool calls for a child's message or answer tool results.
import type { LanguageModelV4Prompt } from "@ai-sdk/provider";
import type { CatalogueIndex } from "./catalogue-index";
import { readTurn, type ToolOutcome } from "./history";
import { planUserTurn } from "./plan";
import { replyToResults } from "./replies";
import type { Plan, PlannedCall } from "./types";

export type StepOutput = { text: string; calls: PlannedCall[] };

export function respond(prompt: LanguageModelV4Prompt, index: CatalogueIndex, childName?: string): StepOutput {
  const turn = readTurn(prompt, index);
  if (turn.kind === "user") {
    const plan = planUserTurn(index, turn.text, turn.context, childName);
    return plan.kind === "tools" ? { text: "", calls: plan.calls } : { text: plan.text, calls: [] };
  }
  if (turn.kind === "tool-results") {
    // Re-plan the child's message (it is deterministic) to recover notes such as "that comes from
    // Pizza Palace", but only when these results really answer that plan's orders.
    const plan = turn.userText === undefined ? undefined : planUserTurn(index, turn.userText, turn.context, childName);
    const notes = plan && answersPlan(plan, turn.results) ? plan.notes : [];
    return { text: replyToResults(turn.results, notes, turn.userText), calls: [] };
  }
  return { text: "Anything else I can help with? 🙂", calls: [] };
}

function answersPlan(plan: Plan, results: ToolOutcome[]): plan is Extract<Plan, { kind: "tools" }> {
  if (plan.kind !== "tools") return false;
  const key = (toolName: string, input: unknown) => `${toolName}:${JSON.stringify(input)}`;
  const planned = plan.calls.map((c) => key(c.toolName, c.input)).sort();
  const answered = results.map((r) => key(r.toolName, r.input)).sort();
  return planned.length === answered.length && planned.every((k, i) => k === answered[i]);
}
