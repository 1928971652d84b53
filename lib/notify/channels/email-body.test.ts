import { describe, expect, it } from "vitest";
import type { OutgoingMessage } from "../types";
import { emailHtml, emailLinks, emailText } from "./email-body";

const message: OutgoingMessage = {
  deliveryId: "del_1",
  reason: "NEW_REQUEST",
  requestId: "req_1",
  requestKind: "ORDER",
  childName: "Henry",
  title: "Henry asks for 1× Deluxe Burger <b>",
  body: "Henry asks for it.\nWhy a parent is needed: it costs a lot & more.",
  links: { open: "https://x/decide/o", approve: "https://x/decide/a", deny: "https://x/decide/d" },
  expiresAt: new Date("2026-06-10T19:04:00Z"),
};

describe("notification email", () => {
  it("has Approve, Deny and Open links for an order, Reply only for a question", () => {
    expect(emailLinks(message).map((l) => l.label)).toEqual(["Approve…", "Deny…", "Open the request"]);
    expect(emailLinks({ ...message, requestKind: "QUESTION", links: { open: "https://x/decide/o" } })).toEqual([
      { label: "Reply…", url: "https://x/decide/o" },
    ]);
  });

  it("puts the words and links in the plain text", () => {
    const text = emailText(message);
    expect(text).toContain("Why a parent is needed: it costs a lot & more.");
    expect(text).toContain("Approve: https://x/decide/a");
    expect(text).toContain("Open the request: https://x/decide/o");
  });

  it("escapes the HTML and keeps it simple and labelled", () => {
    const html = emailHtml(message);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Deluxe Burger &#60;b&#62;");
    expect(html).toContain("a lot &#38; more");
    expect(html).toContain('<a href="https://x/decide/a"');
    expect(html).toContain('<nav aria-label="Decide"');
  });
});
