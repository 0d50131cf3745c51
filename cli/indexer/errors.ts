/** Raised when the indexer's HTTP port is taken before it starts. */
export class IndexerPortInUseError extends Error {
  constructor(port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use; stop the process that ` +
        "listens there or pass another port with --indexer-port.",
    );
    this.name = "IndexerPortInUseError";
  }
}

/** Raised when `ponder start` exits or does not serve before the timeout. */
export class IndexerStartError extends Error {
  constructor(reason: string, logFile: string) {
    super(
      `The indexer failed to start: ${reason}; see ${logFile} for Ponder's ` +
        "output.",
    );
    this.name = "IndexerStartError";
  }
}

/** Raised when the indexer does not finish its backfill before the timeout. */
export class IndexerNotReadyError extends Error {
  constructor(url: string, timeoutMs: number, logFile: string) {
    super(
      `The indexer at ${url} did not finish indexing past blocks within ` +
        `${timeoutMs} ms; see ${logFile}, or wait longer.`,
    );
    this.name = "IndexerNotReadyError";
  }
}
