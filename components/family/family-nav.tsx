"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/family", label: "Overview" },
  { href: "/family/restaurants", label: "Restaurants" },
  { href: "/family/children", label: "Children" },
  { href: "/family/grants", label: "Always allowed" },
  { href: "/family/rules", label: "Rules" },
  { href: "/family/notifications", label: "Notifications" },
] as const;

/** The /family sections; wraps on a phone instead of scrolling sideways. */
export function FamilyNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Family sections" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {LINKS.map((link) => {
          const current = link.href === "/family" ? pathname === "/family" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className="flex min-h-11 items-center rounded-full bg-white px-4 font-medium text-sm ring-1 ring-stone-200 hover:bg-stone-100 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white aria-[current=page]:ring-brand-700 dark:bg-stone-900 dark:ring-stone-700 dark:hover:bg-stone-800 dark:aria-[current=page]:bg-brand-700"
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
