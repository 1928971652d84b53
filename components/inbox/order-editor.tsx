"use client";

import { Button } from "@/components/ui/button";
import type { LineItem } from "@/lib/ai/tools/contracts";
import { MAX_QUANTITY } from "@/lib/ai/tools/limits";
import type { MenuChoice } from "@/lib/approvals/queries";
import { formatCents } from "@/lib/money";

/** Per proposed line: how many (0 removes it) and, optionally, a cheaper dish of the same menu instead. */
export type LineDraft = { quantity: string; replaceWith: string };

export function initialDrafts(items: LineItem[]): LineDraft[] {
  return items.map((item) => ({ quantity: String(item.quantity), replaceWith: "" }));
}

export function isEdited(items: LineItem[], drafts: LineDraft[]): boolean {
  return items.some((item, i) => drafts[i]?.quantity !== String(item.quantity) || drafts[i]?.replaceWith !== "");
}

/** The total the edit would cost, from the menu as the page was rendered; the server prices it again. */
function previewTotal(items: LineItem[], drafts: LineDraft[], menu: MenuChoice[]): number {
  return items.reduce((sum, item, i) => {
    const draft = drafts[i];
    const quantity = Number(draft?.quantity) || 0;
    const price = menu.find((d) => d.id === draft?.replaceWith)?.priceCents ?? item.unitPriceCents;
    return sum + price * quantity;
  }, 0);
}

type Props = {
  items: LineItem[];
  totalCents: number;
  menu: MenuChoice[];
  drafts: LineDraft[];
  onChange: (drafts: LineDraft[]) => void;
  disabled: boolean;
  /** Unique per card: two pending orders may hold the same dish. */
  idPrefix: string;
};

/**
 * The proposed order, editable in place. Inputs are controlled by the decision form's state, which React keeps
 * when the inbox refreshes live (the card keeps its key), so a half-made edit survives a new request arriving.
 */
export function OrderEditor({ items, totalCents, menu, drafts, onChange, disabled, idPrefix }: Props) {
  const edited = isEdited(items, drafts);
  const set = (index: number, patch: Partial<LineDraft>) =>
    onChange(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 font-semibold text-sm">Order (you can change it before approving)</legend>
      <ul className="space-y-3">
        {items.map((item, i) => {
          const draft = drafts[i] ?? { quantity: String(item.quantity), replaceWith: "" };
          const cheaper = menu.filter((d) => d.id !== item.dishId && d.priceCents < item.unitPriceCents);
          const removed = draft.quantity.trim() === "0";
          const qtyId = `${idPrefix}-qty-${item.dishId}`;
          const replaceId = `${idPrefix}-replace-${item.dishId}`;
          return (
            <li key={item.dishId} className="rounded-xl bg-stone-50 p-3 dark:bg-stone-950">
              <input type="hidden" name="line.dishId" value={item.dishId} />
              <p className="flex justify-between gap-2 font-medium">
                <span className={removed ? "line-through" : undefined}>
                  {item.quantity}× {item.name}
                </span>
                <span className="tabular-nums">{formatCents(item.lineTotalCents)}</span>
              </p>
              <div className="mt-2 flex flex-wrap items-end gap-2">
                <div className="w-24">
                  <label htmlFor={qtyId} className="block text-sm">
                    Quantity<span className="sr-only"> of {item.name}</span>
                  </label>
                  <input
                    id={qtyId}
                    name="line.quantity"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={MAX_QUANTITY}
                    step={1}
                    required
                    value={draft.quantity}
                    onChange={(e) => set(i, { quantity: e.target.value })}
                    disabled={disabled}
                    className="mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-900"
                  />
                </div>
                {cheaper.length > 0 ? (
                  <div className="min-w-40 flex-1">
                    <label htmlFor={replaceId} className="block text-sm">
                      Replace<span className="sr-only"> {item.name}</span> with
                    </label>
                    <select
                      id={replaceId}
                      name="line.replaceWith"
                      value={draft.replaceWith}
                      onChange={(e) => set(i, { replaceWith: e.target.value })}
                      disabled={disabled}
                      className="mt-1 block min-h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base dark:border-stone-700 dark:bg-stone-900"
                    >
                      <option value="">Keep {item.name}</option>
                      {cheaper.map((dish) => (
                        <option key={dish.id} value={dish.id}>
                          {dish.name} ({formatCents(dish.priceCents)})
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <input type="hidden" name="line.replaceWith" value="" />
                )}
                <Button
                  type="button"
                  variant="ghost"
                  disabled={disabled || removed}
                  onClick={() => set(i, { quantity: "0" })}
                >
                  Remove<span className="sr-only"> {item.name}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="flex justify-between border-stone-200 border-t pt-2 font-semibold dark:border-stone-700">
        <span>{edited ? "New total" : "Total"}</span>
        <span className="tabular-nums">
          {edited ? (
            <>
              <s className="mr-2 font-normal text-stone-500">{formatCents(totalCents)}</s>
              {formatCents(previewTotal(items, drafts, menu))}
            </>
          ) : (
            formatCents(totalCents)
          )}
        </span>
      </p>
    </fieldset>
  );
}
