import { describe, expect, test } from "vitest";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";

import { createMemoryStore } from "./kv.ts";
import {
  SealedRecordError,
  SealedStore,
  loadWrappingKey,
  seal,
  unseal,
} from "./sealed.ts";

describe("device key wrapping", () => {
  test("round trip through a new store instance", async () => {
    const backend = createMemoryStore();
    const deviceKey = generatePrivateKey();
    await (await SealedStore.open(backend)).put("session:x", { deviceKey });

    const reopened = await SealedStore.open(backend);
    const loaded = await reopened.get<{ deviceKey: string }>("session:x");
    expect(loaded?.deviceKey).toBe(deviceKey);
    expect(privateKeyToAddress(loaded!.deviceKey as `0x${string}`)).toBe(
      privateKeyToAddress(deviceKey),
    );
  });

  test("wrapping key is not extractable", async () => {
    const key = await loadWrappingKey(createMemoryStore());
    expect(key.extractable).toBe(false);
    expect(key.algorithm.name).toBe("AES-GCM");
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
  });

  test("rejects a record moved to another name", async () => {
    const key = await loadWrappingKey(createMemoryStore());
    const sealed = await seal(key, "session:a", { secret: 1 });
    await expect(unseal(key, "session:b", sealed)).rejects.toBeInstanceOf(
      SealedRecordError,
    );
  });

  test("rejects altered ciphertext", async () => {
    const key = await loadWrappingKey(createMemoryStore());
    const sealed = await seal(key, "session:a", { secret: 1 });
    const altered = new Uint8Array(sealed.data.slice(0));
    altered[0] ^= 1;
    await expect(
      unseal(key, "session:a", { iv: sealed.iv, data: altered.buffer }),
    ).rejects.toBeInstanceOf(SealedRecordError);
  });

  test("another browser's key cannot open the record", async () => {
    const mine = await loadWrappingKey(createMemoryStore());
    const theirs = await loadWrappingKey(createMemoryStore());
    const sealed = await seal(mine, "session:a", "0x12");
    await expect(unseal(theirs, "session:a", sealed)).rejects.toBeInstanceOf(
      SealedRecordError,
    );
  });
});
