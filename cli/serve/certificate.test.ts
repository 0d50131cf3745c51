import { X509Certificate, createPrivateKey } from "node:crypto";
import { describe, expect, test } from "vitest";

import { createSelfSignedCertificate } from "./certificate.ts";

describe("createSelfSignedCertificate", () => {
  test("produces a certificate Node can parse and verify", () => {
    const created = createSelfSignedCertificate([
      "localhost",
      "127.0.0.1",
      "192.168.0.10",
    ]);
    const certificate = new X509Certificate(created.cert);
    expect(certificate.subject).toBe("CN=localhost");
    expect(certificate.issuer).toBe("CN=localhost");
    expect(certificate.subjectAltName).toBe(
      "DNS:localhost, IP Address:127.0.0.1, IP Address:192.168.0.10",
    );
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(created.key))).toBe(
      true,
    );
    expect(certificate.checkIP("192.168.0.10")).toBe("192.168.0.10");
    expect(certificate.ca).toBe(false);
    expect(certificate.fingerprint256).toBe(created.fingerprint);
  });

  test("is valid from now for the given days", () => {
    const created = createSelfSignedCertificate(["localhost"], 10);
    const certificate = new X509Certificate(created.cert);
    const from = Date.parse(certificate.validFrom);
    const to = Date.parse(certificate.validTo);
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(to - Date.now()).toBeGreaterThan(9 * 86_400_000);
    expect(to - Date.now()).toBeLessThan(11 * 86_400_000);
  });
});
