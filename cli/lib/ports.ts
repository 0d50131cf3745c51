import { createServer } from "node:net";

/**
 * Resolves true when a TCP server can listen on `host:port` now, and false
 * when the port is taken (EADDRINUSE). Other listen errors reject.
 */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve(false);
      else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
