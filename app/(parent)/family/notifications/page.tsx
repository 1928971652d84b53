import type { Metadata } from "next";
import { Panel } from "@/components/family/card";
import { ChannelList } from "@/components/family/notifications/channel-list";
import { DeliveryLog } from "@/components/family/notifications/delivery-log";
import { AddEmailForm } from "@/components/family/notifications/email-form";
import { PreferencesForm } from "@/components/family/notifications/preferences-form";
import { PushToggle } from "@/components/family/notifications/push-toggle";
import { AddWebhookForm } from "@/components/family/notifications/webhook-form";
import { listChannels } from "@/lib/notify/settings/channels";
import { getDeliveryLog } from "@/lib/notify/settings/deliveries";
import { getPreferences } from "@/lib/notify/settings/preferences";
import { requirePageActor } from "@/lib/page-auth";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const parent = await requirePageActor("PARENT");
  const scope = { parentId: parent.id, familyId: parent.familyId };
  const [channels, preferences, deliveries] = await Promise.all([
    listChannels(scope),
    getPreferences(scope),
    getDeliveryLog(scope),
  ]);
  const pushEndpoints = channels.flatMap((c) => (c.kind === "PUSH" && c.enabled && c.endpoint ? [c.endpoint] : []));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-bold text-2xl">Notifications</h1>
        <p className="text-stone-600 dark:text-stone-400">
          The inbox always shows every request. Choose where else you, {parent.name}, are told when a request needs a
          parent. These settings are yours alone.
        </p>
      </div>

      <Panel aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="mb-3 font-semibold text-lg">
          Your channels
        </h2>
        <ChannelList channels={channels} />
      </Panel>

      <Panel aria-labelledby="push-heading">
        <h2 id="push-heading" className="mb-1 font-semibold text-lg">
          Notifications on this device
        </h2>
        <PushToggle registeredEndpoints={pushEndpoints} />
      </Panel>

      <Panel aria-labelledby="email-heading">
        <h2 id="email-heading" className="mb-3 font-semibold text-lg">
          Add an email address
        </h2>
        <AddEmailForm />
      </Panel>

      <Panel aria-labelledby="webhook-heading">
        <h2 id="webhook-heading" className="mb-1 font-semibold text-lg">
          Add a webhook
        </h2>
        <AddWebhookForm />
      </Panel>

      <Panel aria-labelledby="preferences-heading">
        <h2 id="preferences-heading" className="mb-1 font-semibold text-lg">
          When to tell you
        </h2>
        <PreferencesForm
          initial={{
            quietStart: preferences.quietStart ?? "",
            quietEnd: preferences.quietEnd ?? "",
            notifyOn: preferences.notifyOn,
          }}
          timeZone={preferences.timeZone}
        />
      </Panel>

      <Panel aria-labelledby="log-heading">
        <h2 id="log-heading" className="mb-3 font-semibold text-lg">
          Recent deliveries
        </h2>
        <DeliveryLog rows={deliveries} />
      </Panel>
    </div>
  );
}
