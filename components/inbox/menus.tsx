"use client";

import { createContext, useContext } from "react";
import type { MenuChoice } from "@/lib/approvals/queries";

const MenusContext = createContext<Readonly<Record<string, MenuChoice[]>>>({});
const NONE: MenuChoice[] = [];

/**
 * The menus the page's order editors pick replacements from, sent once per restaurant: with the menu in each
 * card's props, twenty cards of one restaurant carried it twenty times in the page's payload.
 */
export function MenusProvider({
  menus,
  children,
}: {
  menus: Readonly<Record<string, MenuChoice[]>>;
  children: React.ReactNode;
}) {
  return <MenusContext value={menus}>{children}</MenusContext>;
}

/** A restaurant's current menu, cheapest first (empty when the restaurant or its dishes were removed). */
export function useMenu(restaurantId: string | null): MenuChoice[] {
  const menus = useContext(MenusContext);
  return (restaurantId && menus[restaurantId]) || NONE;
}
