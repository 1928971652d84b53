import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lunchbox", template: "%s · Lunchbox" },
  description: "Kids order food by chatting; parents approve what the family's rules hold back.",
  // Installed on a phone's home screen (the manifest is app/manifest.ts).
  appleWebApp: { capable: true, title: "Lunchbox", statusBarStyle: "default" },
  icons: {
    icon: [{ url: "/icons/icon-192.png", sizes: "192x192", type: "image/png" }],
    apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }],
  },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0a09" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      {/* Toasts are mounted by the layouts whose pages make them: a page that never toasts loads no toast code. */}
      <body className="font-sans">{children}</body>
    </html>
  );
}
