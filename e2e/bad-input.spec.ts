import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, newChat, pendingCount, send, test, typed } from "./fixtures";

const NOT_SENT_HERE = "e2eNoSuchChat";

/** A message as the chat page sends it: the chat's id and only the new message. */
function chatBody(overrides: { id?: string; text?: string; parts?: unknown[] } = {}) {
  const { id = `e2e-${Date.now().toString(36)}`, text = "I want a cheese pizza", parts } = overrides;
  return {
    id,
    message: { id: `msg-${Date.now().toString(36)}`, role: "user", parts: parts ?? [{ type: "text", text }] },
  };
}

async function postChat(request: APIRequestContext, data: unknown): Promise<APIResponse> {
  return request.post("/api/chat", {
    headers: { "content-type": "application/json" },
    data: typeof data === "string" ? data : JSON.stringify(data),
  });
}

/** Refused in words, with the status a client can act on: never a 500. */
async function expectRefused(response: APIResponse, status: number): Promise<string> {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { message?: unknown };
  expect(typeof body.message).toBe("string");
  expect(String(body.message).length).toBeGreaterThan(0);
  return String(body.message);
}

test("the chat API refuses bad or foreign input in words, and writes nothing", async ({ openAs, request }) => {
  const jane = await openAs("jane");
  await expect(jane.getByRole("heading", { name: /^Waiting for you/ })).toBeVisible();
  const pendingBefore = await pendingCount(jane);

  // Rose's chat: Henry must not be able to write into it, nor learn that it exists.
  const rose = await openAs("rose");
  await newChat(rose);
  await send(rose, "what restaurants can I order from?");
  await expect(rose.getByRole("region", { name: "Restaurants" })).toBeVisible();
  await expect(rose).toHaveURL(/\/chat\/[\w-]+$/);
  const roseChatId = new URL(rose.url()).pathname.split("/").pop() ?? "";
  expect(roseChatId).not.toBe("new");

  const henry = await openAs("henry");
  const api = henry.request;
  await expectRefused(await postChat(api, "{ this is not json"), 400);
  expect(await expectRefused(await postChat(api, chatBody({ text: "   " })), 400)).toMatch(/type a message/i);
  expect(await expectRefused(await postChat(api, chatBody({ text: "a".repeat(1001) })), 400)).toMatch(/1000/);
  await expectRefused(
    await postChat(
      api,
      chatBody({ parts: [{ type: "file", mediaType: "image/png", url: "data:image/png;base64,AA==" }] }),
    ),
    400,
  );
  await expectRefused(await postChat(api, chatBody({ parts: [] })), 400);
  await expectRefused(await postChat(api, { id: "../../etc", message: chatBody().message }), 400);
  await expectRefused(await postChat(api, chatBody({ id: roseChatId })), 404);
  // A cross-site page posting with Henry's cookie is refused.
  const crossSite = await api.post("/api/chat", {
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    data: JSON.stringify(chatBody({ id: NOT_SENT_HERE })),
  });
  await expectRefused(crossSite, 403);

  // Who may call it: signed out, a parent.
  await expectRefused(await postChat(request, chatBody({ id: NOT_SENT_HERE })), 401);
  await expectRefused(await postChat(jane.request, chatBody({ id: NOT_SENT_HERE })), 403);
  await expectRefused(await request.get("/api/events"), 401);

  // Rose's chat is untouched: still only her question and its answer.
  await rose.reload();
  await expect(typed(rose, "what restaurants can I order from?")).toBeVisible();
  await expect(rose.getByText("I want a cheese pizza")).toHaveCount(0);

  // In the chat: quantities outside 1 to 20 and unknown food get a clear answer, and nothing is ordered.
  await newChat(henry);
  await send(henry, "0 cheese pizzas");
  await expect(henry.getByText(/between 1 and 20/)).toHaveCount(1);
  await send(henry, "25 fries");
  await expect(henry.getByText(/between 1 and 20/)).toHaveCount(2);
  await send(henry, "I want a unicorn sandwich");
  await expect(henry.getByText(/couldn't find that on any of our menus/)).toContainText(
    "what restaurants can I order from?",
  );
  await expect(henry.getByRole("region", { name: /^Order from/ })).toHaveCount(0);

  // No request reached the parents.
  await jane.reload();
  await expect(jane.getByRole("heading", { name: /^Waiting for you/ })).toBeVisible();
  expect(await pendingCount(jane)).toBe(pendingBefore);
});
