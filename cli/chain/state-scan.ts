import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

import { ChainStateDamagedError } from "./errors.ts";

/** Figures found by scanning a gzip state dump. */
export interface ScannedState {
  bestBlockNumber: bigint;
  /** Bytes of JSON inside the gzip stream. */
  jsonBytes: number;
}

const BEST_KEY = Buffer.from('"best_block_number"');
const BLOCKS_KEY = Buffer.from('"blocks"');
const ACCOUNTS_KEY = Buffer.from('"accounts"');
/** Bytes kept from the end of one chunk, so a key split by chunks is found. */
const OVERLAP = 96;
const BEST_VALUE = /^"best_block_number"\s*:\s*("0x[0-9a-fA-F]+"|\d+)/;

const isSpace = (byte: number) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Checks the decompressed JSON of an anvil state dump as it streams past,
 * without holding it in memory: a dump of a few hundred rounds is larger
 * than the longest string Node can build. It checks that the text is one
 * object that ends, and finds `best_block_number`, `blocks` and `accounts`.
 * The gzip CRC, checked by zlib, covers the bytes in between.
 */
class DumpShape extends Writable {
  jsonBytes = 0;
  best?: bigint;
  #first?: number;
  #last?: number;
  #tail: Buffer = Buffer.alloc(0);
  #blocks = false;
  #accounts = false;

  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.jsonBytes += chunk.length;
    for (const byte of chunk) {
      if (isSpace(byte)) continue;
      this.#first ??= byte;
      break;
    }
    for (let index = chunk.length - 1; index >= 0; index -= 1) {
      if (isSpace(chunk[index])) continue;
      this.#last = chunk[index];
      break;
    }
    if (this.best === undefined || !this.#blocks || !this.#accounts) {
      this.#look(Buffer.concat([this.#tail, chunk]));
      this.#tail = chunk.subarray(Math.max(0, chunk.length - OVERLAP));
    }
    done();
  }

  #look(window: Buffer): void {
    this.#blocks ||= window.includes(BLOCKS_KEY);
    this.#accounts ||= window.includes(ACCOUNTS_KEY);
    if (this.best !== undefined) return;
    const at = window.indexOf(BEST_KEY);
    if (at < 0) return;
    const match = BEST_VALUE.exec(window.toString("latin1", at, at + 80));
    if (match !== null) this.best = BigInt(match[1].replaceAll('"', ""));
  }

  /** Returns the figures, or the reason the text is not a dump. */
  result(): ScannedState | string {
    if (this.#first !== 0x7b) return "the JSON is not an object";
    if (this.#last !== 0x7d) return "the JSON object does not end";
    if (this.best === undefined) return "best_block_number is missing";
    if (!this.#blocks || !this.#accounts) {
      return "blocks or accounts are missing";
    }
    return { bestBlockNumber: this.best, jsonBytes: this.jsonBytes };
  }
}

/** Passes every chunk on unchanged after `shape` has looked at it. */
function inspect(shape: DumpShape): Transform {
  return new Transform({
    transform(chunk: Buffer, encoding, done) {
      shape._write(chunk, encoding, () => done(null, chunk));
    },
  });
}

/**
 * Decompresses a gzip state dump off the main thread and checks its shape;
 * with `output`, writes the JSON there too (for `anvil --load-state`).
 * Throws `ChainStateDamagedError` naming `file` when the gzip stream is
 * damaged or the JSON is not a dump.
 */
export async function scanStateDump(
  file: string,
  source: Buffer | string,
  output?: string,
): Promise<ScannedState> {
  const shape = new DumpShape();
  const input =
    typeof source === "string"
      ? createReadStream(source)
      : Readable.from([source]);
  const sink =
    output === undefined
      ? undefined
      : createWriteStream(output, {
          mode: 0o600,
        });
  try {
    // The sink is a stage of the pipeline, so that a damaged gzip stream
    // destroys it together with the others and its pending write fails
    // inside the pipeline, not later as an uncaught error.
    if (sink === undefined) await pipeline(input, createGunzip(), shape);
    else await pipeline(input, createGunzip(), inspect(shape), sink);
  } catch (error) {
    if (sink !== undefined && !sink.closed) {
      await once(sink, "close").catch(() => undefined);
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_")) {
      throw new ChainStateDamagedError(file, (error as Error).message);
    }
    throw error;
  }
  const result = shape.result();
  if (typeof result === "string") {
    throw new ChainStateDamagedError(file, result);
  }
  return result;
}
