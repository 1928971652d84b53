// What the browser gets for `@ai-sdk/gateway` (next.config.ts aliases it there). The `ai` package's single index
// imports Vercel's AI Gateway provider for resolving models by name and for wrapping its errors: server work that
// the chat page never does (it only streams UI messages through useChat), yet the real package came along with
// ~26 KiB gzipped (with the Buffer polyfill it pulls in). The server bundle keeps the real package.

function notInTheBrowser(): never {
  throw new Error("The AI Gateway provider is not available in the browser.");
}

export class GatewayError extends Error {
  static isInstance(_error: unknown): _error is GatewayError {
    return false;
  }
}

export class GatewayAuthenticationError extends GatewayError {}

export const createGateway = notInTheBrowser;
export const gateway = notInTheBrowser;
