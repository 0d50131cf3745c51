import { readFile } from "node:fs/promises";

import {
  parseCaseFile,
  parseRoundFile,
  RoundFileError,
  type CaseFile,
  type RoundFile,
} from "../../core/index.ts";
import { FileReadError, RoundFileInvalidError } from "./errors.ts";

/**
 * Reads and validates a round or case file. Every problem is reported at
 * once, each with its field path, in a RoundFileInvalidError.
 */
export async function readRoundFile(
  file: string,
  kind: "round",
): Promise<RoundFile>;
export async function readRoundFile(
  file: string,
  kind: "case",
): Promise<CaseFile>;
export async function readRoundFile(
  file: string,
  kind: "round" | "case",
): Promise<RoundFile | CaseFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new FileReadError(file, error);
  }

  try {
    return kind === "round" ? parseRoundFile(text) : parseCaseFile(text);
  } catch (error) {
    if (error instanceof RoundFileError) {
      throw new RoundFileInvalidError(file, kind, [...error.details]);
    }
    throw error;
  }
}
