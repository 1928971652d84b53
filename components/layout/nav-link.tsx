"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A header link that tells screen readers (and shows) which section is open. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="flex min-h-11 items-center rounded-xl px-2 font-semibold hover:bg-stone-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 sm:px-3 dark:aria-[current=page]:bg-stone-800 dark:aria-[current=page]:text-white dark:hover:bg-stone-800"
    >
      {children}
    </Link>
  );
}
