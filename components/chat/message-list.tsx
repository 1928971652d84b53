import type { ChatMessage, RequestStatuses } from "@/lib/chat/types";
import {
  AccessCard,
  MenuCard,
  OrderCard,
  OutcomeCard,
  QuestionCard,
  RestaurantListCard,
  StatusCard,
  ToolPending,
} from "./tool-cards";

type Part = ChatMessage["parts"][number];

function PartView({ part, statuses }: { part: Part; statuses: RequestStatuses }) {
  switch (part.type) {
    case "text":
      return part.text ? <p className="whitespace-pre-wrap">{part.text}</p> : null;
    case "tool-listRestaurants":
      return part.state === "output-available" ? (
        <RestaurantListCard output={part.output} />
      ) : (
        <ToolPending label="Looking at restaurants…" />
      );
    case "tool-getMenu":
      return part.state === "output-available" ? (
        <MenuCard output={part.output} />
      ) : (
        <ToolPending label="Opening the menu…" />
      );
    case "tool-placeOrder":
      if (part.state === "output-available") {
        const live = part.output.status === "pending" ? statuses[part.output.requestId] : undefined;
        return <OrderCard output={part.output} live={live} />;
      }
      return part.state === "output-error" ? null : <ToolPending label="Placing your order…" />;
    case "tool-requestRestaurantAccess":
      if (part.state === "output-available") {
        const live = part.output.status === "pending" ? statuses[part.output.requestId] : undefined;
        return <AccessCard output={part.output} live={live} />;
      }
      return part.state === "output-error" ? null : <ToolPending label="Asking a parent…" />;
    case "tool-askParent":
      if (part.state === "output-available") {
        const live = part.output.status === "pending" ? statuses[part.output.requestId] : undefined;
        return <QuestionCard output={part.output} live={live} />;
      }
      return part.state === "output-error" ? null : <ToolPending label="Asking your parents…" />;
    case "tool-getMyStatus":
      return part.state === "output-available" ? (
        <StatusCard output={part.output} />
      ) : part.state === "output-error" ? null : (
        <ToolPending label="Checking…" />
      );
    case "tool-approvalOutcome":
      return part.state === "output-available" ? <OutcomeCard output={part.output} /> : null;
    default:
      return null;
  }
}

export function MessageList({ messages, statuses }: { messages: ChatMessage[]; statuses: RequestStatuses }) {
  return (
    <ol className="space-y-4">
      {messages.map((message) => (
        <li key={message.id} className={message.role === "user" ? "flex justify-end" : "flex justify-start"}>
          {message.role === "user" ? (
            <div className="max-w-[85%] rounded-2xl rounded-br-md bg-brand-700 px-4 py-2.5 text-white">
              <span className="sr-only">You said: </span>
              {message.parts.map((part, i) =>
                part.type === "text" ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
                  <p key={i} className="whitespace-pre-wrap">
                    {part.text}
                  </p>
                ) : null,
              )}
            </div>
          ) : (
            <div className="w-full max-w-[92%] space-y-2" data-role="assistant">
              <span className="sr-only">Lunchbox said: </span>
              {message.parts.map((part, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id and never reorder
                <PartView key={i} part={part} statuses={statuses} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
