import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  turbopack: {
    // The browser never resolves a model: see lib/ai/browser-gateway.ts.
    resolveAlias: { "@ai-sdk/gateway": { browser: "./lib/ai/browser-gateway.ts" } },
  },
  experimental: {
    // The stylesheet (Tailwind's, ~8 KB gzipped) goes inside the HTML instead of a separate render-blocking request:
    // on a phone's network that request held the first paint back by a round trip (B8).
    inlineCss: true,
  },
  async headers() {
    return [
      {
        // The service worker: always revalidated, so a fixed worker reaches phones at once; scoped to the site.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
    ];
  },
};

export default nextConfig;
