import type { ServerResponse } from "node:http";

/**
 * The Content-Security-Policy of every response. Scripts, styles and
 * connections are limited to the app's own origin (the chain is reached
 * through /rpc on that origin); images may also be data: URLs because the
 * seat QR codes are drawn as PNG data URLs. Nothing may frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

/** Sets the security headers shared by every response. */
export function setSecurityHeaders(
  response: ServerResponse,
  https: boolean,
): void {
  response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "no-referrer");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  response.setHeader(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  );
  if (https) {
    response.setHeader("Strict-Transport-Security", "max-age=31536000");
  }
}
