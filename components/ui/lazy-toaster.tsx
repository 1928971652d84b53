"use client";

import { type ComponentType, useEffect, useState } from "react";

// For pages that seldom toast (the child's chat: only when a message fails): sonner loads with the first toast, not
// with the page. sonner shows a toast made before its Toaster mounted, so nothing is lost while it loads.
let mountToaster: (() => void) | undefined;

export function LazyToaster() {
  const [Toaster, setToaster] = useState<ComponentType | null>(null);
  useEffect(() => {
    mountToaster = () =>
      void import("./toaster").then(
        (module) => setToaster(() => module.Toaster),
        () => {}, // offline: the page shows its own error line as well
      );
    return () => {
      mountToaster = undefined;
    };
  }, []);
  return Toaster ? <Toaster /> : null;
}

export function toastError(message: string): void {
  mountToaster?.();
  import("sonner").then(
    ({ toast }) => toast.error(message),
    () => {},
  );
}
