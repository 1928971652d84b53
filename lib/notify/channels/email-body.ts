// The email for one notification: plain text and simple, accessible HTML with the same words and links. Pure.
import type { OutgoingMessage } from "../types";

type Link = { label: string; url: string };

/** Approve…, Deny…, Open the request; a question only has Reply… (a reply needs the page). */
export function emailLinks(message: OutgoingMessage): Link[] {
  if (message.requestKind === "QUESTION") return [{ label: "Reply…", url: message.links.open }];
  const links: Link[] = [];
  if (message.links.approve) links.push({ label: "Approve…", url: message.links.approve });
  if (message.links.deny) links.push({ label: "Deny…", url: message.links.deny });
  links.push({ label: "Open the request", url: message.links.open });
  return links;
}

const FOOTER = "Each link works once, for you only, until the request expires. Approve and Deny ask you to confirm.";

export function emailText(message: OutgoingMessage): string {
  const links = emailLinks(message).map((l) => `${l.label.replace(/…$/, "")}: ${l.url}`);
  return [message.body, "", ...links, "", FOOTER, ""].join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BUTTON =
  "display:inline-block;margin:0 8px 8px 0;padding:12px 18px;border-radius:10px;font-weight:600;text-decoration:none;";
const STYLES: Record<string, string> = {
  "Approve…": `${BUTTON}background:#15803d;color:#ffffff;`,
  "Deny…": `${BUTTON}background:#b91c1c;color:#ffffff;`,
};

export function emailHtml(message: OutgoingMessage): string {
  const paragraphs = message.body
    .split("\n")
    .map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`)
    .join("");
  const links = emailLinks(message)
    .map(
      (l) =>
        `<a href="${escapeHtml(l.url)}" style="${STYLES[l.label] ?? `${BUTTON}background:#e7e5e4;color:#1c1917;`}">${escapeHtml(l.label)}</a>`,
    )
    .join("");
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(message.title)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c1917">',
    `<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(message.title)}</h1>`,
    paragraphs,
    `<nav aria-label="Decide" style="margin:16px 0">${links}</nav>`,
    `<p style="margin:0;font-size:14px;color:#57534e">${escapeHtml(FOOTER)}</p>`,
    "</body></html>",
  ].join("");
}
