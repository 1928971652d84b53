import type { OutgoingMessage } from "@/lib/notify/types";

/** A message as the outbox composes it, for channel tests. */
export function outgoingMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    deliveryId: "dlv_1",
    reason: "NEW_REQUEST",
    requestId: "req_1",
    requestKind: "ORDER",
    childName: "Henry",
    title: "Henry asks for Deluxe Burger ($12.99)",
    body: "Deluxe Burger costs $12.99, above the $10.00 limit for premium dishes.",
    links: {
      open: "http://127.0.0.1:3000/decide/open-token",
      approve: "http://127.0.0.1:3000/decide/approve-token",
      deny: "http://127.0.0.1:3000/decide/deny-token",
    },
    expiresAt: new Date(Date.now() + 30 * 60_000),
    ...overrides,
  };
}

/** A local HTTP receiver on 127.0.0.1 and a free port; `respond` decides each answer. */
export async function startReceiver(
  respond: (request: import("node:http").IncomingMessage, body: Buffer) => { status: number; delayMs?: number },
) {
  const http = await import("node:http");
  const received: Array<{ headers: import("node:http").IncomingHttpHeaders; body: Buffer; url: string }> = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ headers: request.headers, body, url: request.url ?? "" });
      const { status, delayMs = 0 } = respond(request, body);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) response.writeHead(status).end();
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
