// B6: first-load JS of /chat and /inbox: every script a fresh Chromium loads for the page, each gzipped at
// level 9 and summed (`next build` no longer prints sizes; this is how STACK.md measured its reference figures).
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { askForDeluxe, decide } from "./lib/chat";
import type { Client } from "./lib/client";
import type { Figures, MainFixture } from "./lib/types";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";

async function firstLoad(who: Client, path: string): Promise<{ kib: number; scripts: number }> {
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext();
    const { hostname } = new URL(who.baseURL);
    await context.addCookies(
      who.cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: "/" };
      }),
    );
    const page = await context.newPage();
    const bodies: Array<Promise<Buffer>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") bodies.push(response.body());
    });
    await page.goto(new URL(path, who.baseURL).toString(), { waitUntil: "networkidle" });
    const scripts = await Promise.all(bodies);
    const gzipped = scripts.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0);
    return { kib: gzipped / 1024, scripts: scripts.length };
  } finally {
    await browser.close();
  }
}

export async function b6(fx: MainFixture): Promise<Figures> {
  const chat = await firstLoad(fx.solo, "/chat");
  const inbox = await firstLoad(fx.parent, "/inbox");
  // The chat loads the AI SDK only to send or to tell a parent's answer: a chat that opens on an answer to tell loads
  // it at once. Measured on a chat made for it (after B1, the child's /chat above is such a chat too; alone, it is
  // a new chat).
  const { requestId, chatId } = await askForDeluxe(fx.solo, 1);
  await decide(fx.parent, requestId);
  const answer = await firstLoad(fx.solo, `/chat/${chatId}`);
  return {
    "chat.gzip_kib": chat.kib,
    "chat.scripts": chat.scripts,
    "chat_with_answer.gzip_kib": answer.kib,
    "chat_with_answer.scripts": answer.scripts,
    "inbox.gzip_kib": inbox.kib,
    "inbox.scripts": inbox.scripts,
  };
}
