import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";

export type ModelChoice = { kind: "openai"; model: LanguageModel } | { kind: "offline" };

export type ModelEnv = { OPENAI_API_KEY?: string; OPENAI_MODEL?: string; OPENAI_BASE_URL?: string };

export const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";
const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";

/** The one place that decides which language model the agent talks to. */
export function chooseModel(env: ModelEnv = fromProcessEnv()): ModelChoice {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return { kind: "offline" };
  const modelId = env.OPENAI_MODEL?.trim() || DEFAULT_OPENAI_MODEL;
  // Always pass a base URL: when it is undefined createOpenAI reads process.env.OPENAI_BASE_URL
  // behind our back (ignoring the env given here), and it throws on "".
  const baseURL = env.OPENAI_BASE_URL?.trim() || DEFAULT_OPENAI_BASE_URL;
  const provider = createOpenAI({ apiKey, baseURL });
  // provider(id) is the Responses API (POST /responses) in @ai-sdk/openai v4. OpenAI-compatible
  // servers (vLLM, Ollama, LM Studio, proxies) speak Chat Completions, so use provider.chat(id).
  return { kind: "openai", model: provider.chat(modelId) };
}

// Picked field by field: ProcessEnv is a bare index signature, which TS won't match to ModelEnv.
function fromProcessEnv(): ModelEnv {
  const { OPENAI_API_KEY, OPENAI_MODEL, OPENAI_BASE_URL } = process.env;
  return { OPENAI_API_KEY, OPENAI_MODEL, OPENAI_BASE_URL };
}
