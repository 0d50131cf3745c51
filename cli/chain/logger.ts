/** The sink for the supervisor's start, stop, restart and error messages. */
export interface ChainLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs to stdout and stderr with an ISO time stamp and a "chain" tag. */
export const consoleChainLogger: ChainLogger = {
  info: (message) =>
    console.log(`${new Date().toISOString()} chain ${message}`),
  warn: (message) =>
    console.error(`${new Date().toISOString()} chain WARN ${message}`),
  error: (message) =>
    console.error(`${new Date().toISOString()} chain ERROR ${message}`),
};
