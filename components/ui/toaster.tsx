import { Toaster as Sonner } from "sonner";

/** The app's toasts. Default (not rich) colours: sonner's green-on-green success toast fails WCAG AA contrast. */
export function Toaster() {
  return <Sonner position="top-center" closeButton />;
}
