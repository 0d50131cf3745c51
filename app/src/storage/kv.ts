/** A persistent key-value store of structured-clonable values. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(prefix: string): Promise<string[]>;
}

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      "IndexedDB could not be opened, so drafts cannot be kept; allow site " +
        "storage for this page or leave private browsing.",
      { cause },
    );
    this.name = "StorageUnavailableError";
  }
}

const STORE = "records";

function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Opens (or creates) an IndexedDB database with one object store. Each
 * write is its own transaction that completes before the promise resolves,
 * so a value is on disk once `put` returns.
 */
export async function openIdbStore(name = "jurybox"): Promise<KeyValueStore> {
  let db: IDBDatabase;
  try {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    db = await requestToPromise(request);
  } catch (error) {
    throw new StorageUnavailableError(error);
  }

  const run = <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode, {
        durability: "strict",
      });
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });

  return {
    get: <T>(key: string) =>
      run("readonly", (store) => store.get(key) as IDBRequest<T | undefined>),
    put: async (key, value) => {
      await run("readwrite", (store) => store.put(value, key));
    },
    delete: async (key) => {
      await run("readwrite", (store) => store.delete(key));
    },
    keys: async (prefix) => {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const keys = await run("readonly", (store) => store.getAllKeys(range));
      return keys.map(String);
    },
  };
}

/**
 * A store that lives in memory only. The web app uses it nowhere; the
 * jsdom tests use it because jsdom has no IndexedDB (the browser tests in
 * test/e2e exercise the IndexedDB store).
 */
export function createMemoryStore(): KeyValueStore {
  const records = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => records.get(key) as T | undefined,
    put: async (key, value) => {
      records.set(key, value);
    },
    delete: async (key) => {
      records.delete(key);
    },
    keys: async (prefix) =>
      [...records.keys()].filter((key) => key.startsWith(prefix)).sort(),
  };
}
