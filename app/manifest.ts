import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): installable, opening on the parent's inbox. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Lunchbox",
    short_name: "Lunchbox",
    description: "Kids order food by chatting; parents approve what the family's rules hold back.",
    start_url: "/inbox",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    // The light theme's page colour; dark mode's comes from <meta name="theme-color"> (app/layout.tsx).
    background_color: "#fafaf9",
    theme_color: "#c2410c",
    categories: ["food", "lifestyle"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
