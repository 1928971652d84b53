// The browser's side of web push: register /sw.js, subscribe with the app's VAPID key, tell the server.

/** "Chrome on Android": enough for a parent to tell their devices apart in the channel list. */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X/.test(userAgent)
        ? "Mac"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "a device";
  return `${browser} on ${os}`;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function answerOf(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? fallback;
}

export async function subscribeThisBrowser(
  label: string,
): Promise<{ kind: "denied" | "dismissed" } | { kind: "subscribed"; endpoint: string }> {
  const permission = await Notification.requestPermission();
  // "default": the prompt was closed without an answer; it can be asked again.
  if (permission !== "granted") return { kind: permission === "denied" ? "denied" : "dismissed" };
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  const registration = await navigator.serviceWorker.ready;
  const keyResponse = await fetch("/api/push/public-key");
  if (!keyResponse.ok) throw new Error(await answerOf(keyResponse, "Could not get the app's push key."));
  const { publicKey } = (await keyResponse.json()) as { publicKey: string };
  const options = { userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) };
  let subscription: PushSubscription;
  try {
    subscription = await registration.pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with another key (the server's keys changed) must go before a new one can be made.
    const existing = await registration.pushManager.getSubscription();
    if (!existing) {
      throw new Error(
        `This browser could not subscribe to push notifications (${error instanceof Error ? error.message : "unknown error"}).`,
      );
    }
    await existing.unsubscribe();
    subscription = await registration.pushManager.subscribe(options);
  }
  const response = await fetch("/api/push/subscriptions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...subscription.toJSON(), label }),
  });
  if (!response.ok) throw new Error(await answerOf(response, "Could not save this device."));
  return { kind: "subscribed", endpoint: subscription.endpoint };
}

export async function unsubscribeThisBrowser(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  const response = await fetch("/api/push/subscriptions", {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ endpoint: subscription.endpoint }),
  });
  // 404: the server had already forgotten it (removed in the list); unsubscribing here is still right.
  if (!response.ok && response.status !== 404)
    throw new Error(await answerOf(response, "Could not remove this device."));
  await subscription.unsubscribe();
}
