"use client";

import { removeChannelAction, testChannelAction } from "@/app/(parent)/family/notifications/actions";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "../confirm-form";
import { useFamilyForm } from "../use-family-form";

type Channel = {
  id: string;
  kind: "EMAIL" | "WEBHOOK" | "PUSH";
  label: string;
  enabled: boolean;
  disabledReason: string | null;
};

const KIND: Record<Channel["kind"], string> = { EMAIL: "Email", WEBHOOK: "Webhook", PUSH: "Push" };

function TestButton({ channel }: { channel: Channel }) {
  const [state, action, pending] = useFamilyForm(testChannelAction);
  return (
    <form action={action}>
      <input type="hidden" name="channelId" value={channel.id} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Send a test to ${channel.label}`}>
        {pending ? "Sending…" : "Send a test"}
      </Button>
      {/* The result stays beside the button as well as in the toast. */}
      {state.message ? (
        <p
          role="status"
          className={`mt-1 text-sm ${state.ok ? "text-green-800 dark:text-green-300" : "text-red-800 dark:text-red-300"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The parent's channels; the in-app inbox is always on and listed first. */
export function ChannelList({ channels }: { channels: Channel[] }) {
  return (
    <ul className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Your channels">
      <li className="py-3 first:pt-0">
        <p className="font-medium">
          <span className="mr-2 rounded-full bg-stone-100 px-2 py-0.5 text-sm dark:bg-stone-800">In the app</span>
          The inbox, live
        </p>
        <p className="text-sm text-stone-600 dark:text-stone-400">Always on.</p>
      </li>
      {channels.map((channel) => (
        <li key={channel.id} className="space-y-2 py-3" aria-label={`${KIND[channel.kind]}: ${channel.label}`}>
          <div>
            <p className="break-words font-medium">
              <span className="mr-2 rounded-full bg-stone-100 px-2 py-0.5 text-sm dark:bg-stone-800">
                {KIND[channel.kind]}
              </span>
              {channel.label}
            </p>
            {channel.enabled ? (
              <p className="text-green-800 text-sm dark:text-green-300">
                <span aria-hidden>✓ </span>On
              </p>
            ) : (
              <p className="text-red-800 text-sm dark:text-red-300">
                <span aria-hidden>⚠ </span>Off: {channel.disabledReason ?? "switched off"}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-start gap-2">
            <TestButton channel={channel} />
            <ConfirmForm
              action={removeChannelAction}
              fields={{ channelId: channel.id }}
              label={`Remove ${channel.label}`}
              shortLabel="Remove"
              question={`Stop sending requests to ${channel.label}?`}
              confirmLabel="Remove"
            />
          </div>
        </li>
      ))}
    </ul>
  );
}
