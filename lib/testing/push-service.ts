import { execFileSync } from "node:child_process";
import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import ece from "http_ece";

// A push service on 127.0.0.1 for tests, speaking HTTPS (web-push only speaks HTTPS) with a throwaway
// self-signed certificate, and a browser-side subscription whose keys can decrypt what arrives.

export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lunchbox-push-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"]
        .concat(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        .concat(["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")]),
      { stdio: "ignore" },
    );
    return {
      key: fs.readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: fs.readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What a browser holds for one subscription: its ECDH key pair and auth secret. */
export function browserSubscription(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    config: {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    },
    decrypt: (body: Buffer): string =>
      ece.decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth.toString("base64url") }).toString(),
  };
}

export type VapidCheck = { ok: true; claims: { aud: string; exp: number; sub: string } } | { ok: false; why: string };

/** Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does: an ES256 JWT signed by key k. */
export function checkVapid(header: string | undefined, expectedKey: string): VapidCheck {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? "");
  if (!match?.[1] || !match[2]) return { ok: false, why: "no vapid header" };
  if (match[2] !== expectedKey) return { ok: false, why: "another key" };
  const [head, payload, signature] = match[1].split(".") as [string, string, string];
  const raw = Buffer.from(match[2], "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const header_ = JSON.parse(Buffer.from(head, "base64url").toString());
  if (header_.alg !== "ES256") return { ok: false, why: "not ES256" };
  const signed = verify(
    "sha256",
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) return { ok: false, why: "bad signature" };
  return { ok: true, claims: JSON.parse(Buffer.from(payload, "base64url").toString()) };
}

export async function startPushService(respond: () => number) {
  const tls = selfSignedCertificate();
  const received: Array<{ headers: import("node:http").IncomingHttpHeaders; body: Buffer; url: string }> = [];
  const server = https.createServer(tls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks), url: request.url ?? "" });
      response.writeHead(respond()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    origin: `https://127.0.0.1:${address.port}`,
    /** Trusts only this service's certificate, as the sender's agent. */
    agent: new https.Agent({ ca: tls.cert }),
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
