import {
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from "node:crypto";
import { isIPv4 } from "node:net";

// A self-signed X.509 v3 certificate for serving the app over HTTPS on a
// LAN, written in DER by hand because Node's crypto module can parse
// certificates but not create them. The key is ECDSA P-256 and lives only
// in memory: every start makes a new certificate.

export interface SelfSignedCertificate {
  /** PEM certificate. */
  cert: string;
  /** PEM PKCS#8 private key. */
  key: string;
  /** SHA-256 fingerprint of the DER certificate, colon-separated hex. */
  fingerprint: string;
}

const OID = {
  commonName: "2.5.4.3",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
};

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from([tag]),
    encodeLength(content.length),
    content,
  ]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const octetString = (content: Buffer) => tlv(0x04, content);
const bitString = (content: Buffer) =>
  tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
const booleanTrue = () => tlv(0x01, Buffer.from([0xff]));
const explicit = (index: number, content: Buffer) => tlv(0xa0 + index, content);

function integer(bytes: Buffer): Buffer {
  // DER integers are signed, so a leading byte with the high bit set needs a zero in front.
  const content =
    bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return tlv(0x02, content);
}

function objectId(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const part of rest) {
    const chunk = [part & 0x7f];
    for (let value = part >> 7; value > 0; value >>= 7) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return tlv(0x17, Buffer.from(`${text}Z`, "ascii"));
}

function extension(oid: string, value: Buffer, critical = false): Buffer {
  return critical
    ? sequence(objectId(oid), booleanTrue(), octetString(value))
    : sequence(objectId(oid), octetString(value));
}

function subjectAltNames(names: string[]): Buffer {
  const entries = names.map((name) =>
    isIPv4(name)
      ? tlv(0x87, Buffer.from(name.split(".").map(Number)))
      : tlv(0x82, Buffer.from(name, "ascii")),
  );
  return sequence(...entries);
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * Creates a self-signed server certificate valid for `days` days for the
 * given host names and IPv4 addresses (the first one is the common name).
 */
export function createSelfSignedCertificate(
  names: string[],
  days = 30,
): SelfSignedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", {
    namedCurve: "prime256v1",
  });
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const now = Date.now();
  const name = sequence(
    set(sequence(objectId(OID.commonName), utf8String(names[0]))),
  );
  const algorithm = sequence(objectId(OID.ecdsaWithSha256));
  const spki = publicKey.export({ type: "spki", format: "der" });

  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    sequence(
      utcTime(new Date(now - 60_000)),
      utcTime(new Date(now + days * 86_400_000)),
    ),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension(OID.basicConstraints, sequence(), true),
        // digitalSignature only: one bit, seven unused.
        extension(OID.keyUsage, tlv(0x03, Buffer.from([7, 0x80])), true),
        extension(OID.extKeyUsage, sequence(objectId(OID.serverAuth))),
        extension(OID.subjectAltName, subjectAltNames(names)),
      ),
    ),
  );
  const signature = sign("sha256", tbs, privateKey as KeyObject);
  const der = sequence(tbs, algorithm, bitString(signature));
  const fingerprint = createHash("sha256")
    .update(der)
    .digest("hex")
    .toUpperCase()
    .match(/../g)!
    .join(":");
  return {
    cert: toPem("CERTIFICATE", der),
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    fingerprint,
  };
}
