import type { KeyValueStore } from "./kv.ts";

/** A JSON value encrypted with AES-GCM under the browser's wrapping key. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const WRAPPING_KEY = "wrapping-key";

export class SealedRecordError extends Error {
  constructor(key: string, cause: unknown) {
    super(
      `The stored record "${key}" could not be decrypted, so it was ` +
        "altered or written by another browser profile; scan the seat's QR " +
        "code again or ask the administrator to reissue the seat.",
      { cause },
    );
    this.name = "SealedRecordError";
  }
}

/**
 * Loads this browser's AES-GCM wrapping key, creating it on first use. The
 * key is generated non-extractable, so page scripts can use it but can never
 * read its bytes, and IndexedDB keeps it as an opaque CryptoKey.
 */
export async function loadWrappingKey(
  store: KeyValueStore,
): Promise<CryptoKey> {
  const existing = await store.get<CryptoKey>(WRAPPING_KEY);
  if (existing) return existing;
  const key = await crypto.subtle.generateKey(
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  await store.put(WRAPPING_KEY, key);
  return key;
}

/** Encrypts a JSON value; `label` is bound as additional data so records cannot be swapped. */
export async function seal(
  key: CryptoKey,
  label: string,
  value: unknown,
): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(label) },
    key,
    plaintext,
  );
  return { iv, data };
}

/** Decrypts a value sealed under the same label. */
export async function unseal<T>(
  key: CryptoKey,
  label: string,
  sealed: Sealed,
): Promise<T> {
  try {
    const plaintext = await crypto.subtle.decrypt(
      {
        name: "AES-GCM",
        iv: sealed.iv,
        additionalData: new TextEncoder().encode(label),
      },
      key,
      sealed.data,
    );
    return JSON.parse(new TextDecoder().decode(plaintext)) as T;
  } catch (error) {
    throw new SealedRecordError(label, error);
  }
}

/** A key-value store whose values are sealed at rest. */
export class SealedStore {
  readonly #store: KeyValueStore;
  readonly #key: CryptoKey;

  constructor(store: KeyValueStore, key: CryptoKey) {
    this.#store = store;
    this.#key = key;
  }

  static async open(store: KeyValueStore): Promise<SealedStore> {
    return new SealedStore(store, await loadWrappingKey(store));
  }

  async get<T>(name: string): Promise<T | undefined> {
    const sealed = await this.#store.get<Sealed>(name);
    return sealed ? unseal<T>(this.#key, name, sealed) : undefined;
  }

  async put(name: string, value: unknown): Promise<void> {
    await this.#store.put(name, await seal(this.#key, name, value));
  }

  async delete(name: string): Promise<void> {
    await this.#store.delete(name);
  }

  keys(prefix: string): Promise<string[]> {
    return this.#store.keys(prefix);
  }
}
