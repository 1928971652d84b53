"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { deviceLabel, subscribeThisBrowser, unsubscribeThisBrowser } from "./push-client";

type State =
  | { kind: "checking" }
  | { kind: "unsupported" }
  | { kind: "denied" }
  | { kind: "off"; dismissed?: boolean }
  | { kind: "on"; endpoint: string };

/** Web push for this browser: subscribe with the app's VAPID key, store it as a channel, or remove it. */
export function PushToggle({ registeredEndpoints }: { registeredEndpoints: string[] }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "checking" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const registered = registeredEndpoints.join(" ");

  useEffect(() => {
    let live = true;
    (async () => {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
        return setState({ kind: "unsupported" });
      }
      if (Notification.permission === "denied") return setState({ kind: "denied" });
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (!live) return;
      const known = subscription && registered.split(" ").includes(subscription.endpoint);
      setState(known ? { kind: "on", endpoint: subscription.endpoint } : { kind: "off" });
    })().catch(() => live && setState({ kind: "off" }));
    return () => {
      live = false;
    };
  }, [registered]);

  async function run(work: () => Promise<State>) {
    setBusy(true);
    setError(null);
    try {
      setState(await work());
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  const enable = () =>
    run(async () => {
      const result = await subscribeThisBrowser(deviceLabel(navigator.userAgent));
      if (result.kind === "subscribed") return { kind: "on", endpoint: result.endpoint };
      return result.kind === "denied" ? { kind: "denied" } : { kind: "off", dismissed: true };
    });
  const disable = () =>
    run(async () => {
      await unsubscribeThisBrowser();
      return { kind: "off" };
    });

  return (
    <div className="space-y-2">
      {state.kind === "checking" ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">Checking this browser…</p>
      ) : null}
      {state.kind === "unsupported" ? (
        <p role="status" className="text-sm">
          This browser cannot show push notifications. On an iPhone, add Lunchbox to the Home Screen first (Share → Add
          to Home Screen) and open it from there; or use email or a webhook.
        </p>
      ) : null}
      {state.kind === "denied" ? (
        <p role="status" className="text-red-800 text-sm dark:text-red-300">
          <span aria-hidden>⚠ </span>Notifications are blocked for this site. Allow them in the browser's site settings,
          then reload this page.
        </p>
      ) : null}
      {state.kind === "off" ? (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Get a notification on this device for each request, with Approve and Deny buttons that open the confirm
            screen.
          </p>
          {state.dismissed ? (
            <p role="status" className="text-red-800 text-sm dark:text-red-300">
              <span aria-hidden>⚠ </span>Notifications are not allowed yet: choose Allow when the browser asks.
            </p>
          ) : null}
          <Button type="button" onClick={enable} disabled={busy}>
            {busy ? "Turning on…" : "Turn on notifications here"}
          </Button>
        </>
      ) : null}
      {state.kind === "on" ? (
        <>
          <p className="text-green-800 text-sm dark:text-green-300">
            <span aria-hidden>✓ </span>This device gets notifications. Use “Send a test” above to check.
          </p>
          <Button type="button" variant="secondary" onClick={disable} disabled={busy}>
            {busy ? "Turning off…" : "Turn off notifications here"}
          </Button>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-800 text-sm dark:text-red-300">
          <span aria-hidden>⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
