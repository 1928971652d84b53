// A scripted OpenAI Chat Completions server for tests: real HTTP, so the provider's own request
// building and SSE parsing run exactly as they would against api.openai.com.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply = { text: string } | { toolCalls: Array<{ name: string; arguments: object }> };

export type ChatToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };
export type ChatMessage = {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: ChatToolCall[];
};
export type ChatRequestBody = {
  model: string;
  messages: ChatMessage[];
  tools?: Array<{ type: "function"; function: { name: string; description?: string; parameters: unknown } }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
};
export type FakeRequest = { headers: IncomingHttpHeaders; body: ChatRequestBody };
/** Decides the reply to a request; `index` counts chat requests from 0. */
export type FakeScript = (body: ChatRequestBody, index: number) => FakeReply | Promise<FakeReply>;

export type FakeOpenAI = { url: string; requests: FakeRequest[]; close(): Promise<void> };

const USAGE = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

export async function startFakeOpenAI(script: FakeScript): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      raw += chunk;
    });
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        return sendError(res, 404, `No route for ${req.method} ${req.url}`, "not_found");
      }
      let body: ChatRequestBody;
      try {
        body = JSON.parse(raw) as ChatRequestBody;
      } catch {
        return sendError(res, 400, "Body is not JSON", "invalid_json");
      }
      const index = requests.length;
      requests.push({ headers: req.headers, body });
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? "")) {
        return sendError(res, 401, "Missing bearer API key", "invalid_api_key");
      }
      Promise.resolve()
        .then(() => script(body, index))
        .then((reply) => (body.stream ? streamReply(res, body, reply) : sendCompletion(res, body, reply)))
        .catch((error: unknown) => sendError(res, 500, String(error), "script_error"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code } }));
}

function toolCallsOf(reply: FakeReply): ChatToolCall[] | undefined {
  if (!("toolCalls" in reply)) return undefined;
  return reply.toolCalls.map((call) => ({
    id: `call_${randomUUID().slice(0, 8)}`,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

function sendCompletion(res: ServerResponse, body: ChatRequestBody, reply: FakeReply): void {
  const toolCalls = toolCallsOf(reply);
  const message = toolCalls
    ? { role: "assistant", content: null, tool_calls: toolCalls }
    : { role: "assistant", content: "text" in reply ? reply.text : "" };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `chatcmpl-${randomUUID()}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: toolCalls ? "tool_calls" : "stop" }],
      usage: USAGE,
    }),
  );
}

/** Cuts a string into small pieces so clients must reassemble streamed deltas. */
function pieces(text: string, size = 7): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function streamReply(res: ServerResponse, body: ChatRequestBody, reply: FakeReply): void {
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const send = (choices: unknown[], extra: object = {}) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices, ...extra })}\n\n`,
    );
  const delta = (d: object, finish: string | null = null) =>
    send([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);

  delta({ role: "assistant", content: "" });
  const toolCalls = toolCallsOf(reply);
  if (toolCalls) {
    toolCalls.forEach((call, index) => {
      delta({
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }],
      });
      for (const part of pieces(call.function.arguments)) {
        delta({ tool_calls: [{ index, function: { arguments: part } }] });
      }
    });
  } else if ("text" in reply) {
    for (const part of pieces(reply.text)) delta({ content: part });
  }
  delta({}, toolCalls ? "tool_calls" : "stop");
  if (body.stream_options?.include_usage) send([], { usage: USAGE });
  res.end("data: [DONE]\n\n");
}
