import type { UIMessage } from "ai";
import type {
  ApprovalOutcomeInput,
  ApprovalOutcomeOutput,
  AskParentOutput,
  GetMenuOutput,
  GetMyStatusOutput,
  ListRestaurantsOutput,
  PlaceOrderInput,
  PlaceOrderOutput,
  RequestRestaurantAccessOutput,
} from "@/lib/ai/tools/contracts";

/** The tool parts a chat message may hold, as the UI sees them. */
export type ChatTools = {
  listRestaurants: { input: Record<string, never>; output: ListRestaurantsOutput };
  getMenu: { input: { restaurantId: string }; output: GetMenuOutput };
  placeOrder: { input: PlaceOrderInput; output: PlaceOrderOutput };
  requestRestaurantAccess: { input: { restaurantId: string }; output: RequestRestaurantAccessOutput };
  askParent: { input: { question: string }; output: AskParentOutput };
  getMyStatus: { input: Record<string, never>; output: GetMyStatusOutput };
  approvalOutcome: { input: ApprovalOutcomeInput; output: ApprovalOutcomeOutput };
};

export type ChatMessage = UIMessage<never, Record<string, never>, ChatTools>;

/** Live status of the requests a chat has made, keyed by request id. */
export type RequestStatus = {
  status: "PENDING" | "APPROVED" | "DENIED" | "ANSWERED" | "EXPIRED" | "CANCELLED";
  decidedByName: string | null;
  /** Approved with a parent's changes: the card shows the proposal, so it must say it is not what was placed. */
  edited?: boolean;
};
export type RequestStatuses = Record<string, RequestStatus>;
