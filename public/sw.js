// Lunchbox service worker: shows push notifications and opens the right page when one is tapped.
// The payload is lib/notify/types.ts's PushPayload: { title, body, tag, url, actions?: [{ action, title, url }] }.
// Approve/Deny open the confirm screen; nothing is decided without a tap there.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let payload;
  try {
    payload = event.data ? event.data.json() : null;
  } catch {
    payload = null;
  }
  if (!payload || typeof payload.title !== "string") {
    payload = { title: "Lunchbox", body: "A request is waiting for you.", tag: "lunchbox", url: "/inbox" };
  }
  const actions = Array.isArray(payload.actions) ? payload.actions : [];
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      tag: payload.tag,
      // A newer message about the same request replaces the old one and should still be noticed.
      renotify: Boolean(payload.tag),
      requireInteraction: actions.length > 0,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url: payload.url, actions },
      actions: actions.map(({ action, title }) => ({ action, title })),
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const chosen = (data.actions || []).find((a) => a.action === event.action);
  const url = new URL(chosen?.url || data.url || "/inbox", self.location.origin).href;
  event.waitUntil(openOrFocus(url));
});

async function openOrFocus(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if (client.url === url && "focus" in client) return client.focus();
  }
  // Reuse an open Lunchbox tab when the browser allows it, else open a new one.
  const same = windows.find((client) => new URL(client.url).origin === self.location.origin && "navigate" in client);
  if (same) {
    try {
      const navigated = await same.navigate(url);
      if (navigated) return navigated.focus();
    } catch {
      // navigate() refuses clients this worker does not control; fall through to a new window.
    }
  }
  return self.clients.openWindow(url);
}
