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
  // A child who opens the app with nothing to be told: the chat shows its history and loads the AI SDK only when
  // the child starts typing (or sends, or an answer arrives).
  const chat = await firstLoad(fx.fresh, "/chat");
  const inbox = await firstLoad(fx.parent, "/inbox");
  // A chat that opens on a parent's answer to tell loads the AI SDK at once: measured on a chat made for it.
  const { requestId, chatId } = await askForDeluxe(fx.fresh, 1);
  await decide(fx.parent, requestId);
  const answer = await firstLoad(fx.fresh, `/chat/${chatId}`);
  return {
    "chat.gzip_kib": chat.kib,
    "chat.scripts": chat.scripts,
    "chat_with_answer.gzip_kib": answer.kib,
    "chat_with_answer.scripts": answer.scripts,
    "inbox.gzip_kib": inbox.kib,
    "inbox.scripts": inbox.scripts,
  };
}
