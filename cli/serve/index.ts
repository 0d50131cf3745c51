import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { resolve } from "node:path";

import { AdminSignIn, createSignInToken } from "./admin-signin.ts";
import { DEFAULT_APP_ROOT, ensureBuilt } from "./app-build.ts";
import { createSelfSignedCertificate } from "./certificate.ts";
import {
  IndexerHealthLog,
  INDEXER_RESTARTING,
  parseIndexerUrl,
  proxyGraphql,
} from "./graphql-proxy.ts";
import { setSecurityHeaders } from "./headers.ts";
import { proxyRpc } from "./rpc-proxy.ts";
import { sendJson, sendText, serveStatic } from "./static-files.ts";

export interface AppServerOptions {
  /** Folder of the built app; default app/dist, rebuilt with Vite when missing or stale. */
  root?: string;
  /** Address to listen on; default 127.0.0.1. Use a LAN address (or 0.0.0.0) with `https` for tablets. */
  host?: string;
  /** TCP port; default 5173, 0 picks a free one. */
  port?: number;
  /** The chain's JSON-RPC URL that /rpc forwards to; default http://127.0.0.1:8545. */
  chainRpcUrl?: string;
  /**
   * The indexer's GraphQL URL on 127.0.0.1 that POST /graphql forwards to,
   * for the registry below; without it /graphql responds with 503.
   */
  indexerUrl?: string;
  /** Chain id and registry the admin console uses, served as /config.json. */
  chainId?: number;
  registry?: string;
  /** Serve HTTPS with a self-signed certificate made at start. */
  https?: boolean;
  /** File with the admin private key; enables the one-time sign-in link. */
  adminKeyFile?: string;
  /** The sign-in token; generated when omitted. */
  adminSignInToken?: string;
  /** Folder of sign-in links that `jurybox admin-link` issues while running. */
  adminSignInLinksDir?: string;
  /** Receives one line per start, stop and handled error; default console.error. */
  log?: (line: string) => void;
}

export interface AppServer {
  /** The app's origin with a trailing slash, e.g. http://127.0.0.1:5173/. */
  url: string;
  /** The one-time admin sign-in link, when an admin key file was given. */
  adminSignInUrl?: string;
  /** SHA-256 fingerprint of the self-signed certificate, with `https`. */
  certificateFingerprint?: string;
  /** Points /graphql at an indexer started after the server, or at none. */
  setIndexerUrl(url: string | undefined): void;
  /**
   * Marks the indexer as stopped and being started again: /graphql responds
   * with 503 and code INDEXER_RESTARTING, and /config.json keeps listing
   * /graphql, until the next `setIndexerUrl`.
   */
  setIndexerRestarting(): void;
  stop(): Promise<void>;
}

/** Returns the first non-internal IPv4 address of this machine, for LAN links. */
function lanAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === "IPv4" && !entry.internal) return entry.address;
    }
  }
  return undefined;
}

/**
 * True for a Host header that names this server by IP address or as
 * localhost. Domain names are rejected so that a page on another site
 * cannot reach /rpc through DNS rebinding.
 */
function isAllowedHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  return name === "localhost" || isIP(name) !== 0;
}

/** Rejects a cross-site POST: a browser sends Origin, and it must be this server. */
function isSameOrigin(request: IncomingMessage, scheme: string): boolean {
  const origin = request.headers.origin;
  return (
    origin === undefined || origin === `${scheme}://${request.headers.host}`
  );
}

/**
 * Starts the app server: the built web app, /rpc forwarded to the chain,
 * /graphql forwarded to the indexer, /config.json, and the one-time admin
 * sign-in. Every response carries a
 * strict Content-Security-Policy and the usual security headers.
 */
export async function startAppServer(
  options: AppServerOptions = {},
): Promise<AppServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const root = resolve(options.root ?? DEFAULT_APP_ROOT);
  const host = options.host ?? "127.0.0.1";
  const chainRpcUrl = options.chainRpcUrl ?? "http://127.0.0.1:8545";
  const https = options.https ?? false;
  const scheme = https ? "https" : "http";
  await ensureBuilt(root, log);

  const token = options.adminKeyFile
    ? (options.adminSignInToken ?? createSignInToken())
    : undefined;
  const signIn =
    options.adminKeyFile && token
      ? new AdminSignIn(
          options.adminKeyFile,
          token,
          options.adminSignInLinksDir,
        )
      : undefined;
  let indexerUrl: string | typeof INDEXER_RESTARTING | undefined =
    options.indexerUrl === undefined
      ? undefined
      : parseIndexerUrl(options.indexerUrl).href;
  let indexerHealth = new IndexerHealthLog(log);
  const config = () => ({
    chainId: options.chainId ?? null,
    registry: options.registry ?? null,
    rpcPath: "/rpc",
    // The indexer indexes the registry above, so the public pages use it
    // only for that registry. A restarting indexer stays listed, so that
    // the pages learn from /graphql that it restarts.
    graphqlPath: indexerUrl === undefined ? null : "/graphql",
    adminSignIn: signIn !== undefined,
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response, https);
    if (!isAllowedHost(request.headers.host)) {
      return sendText(
        response,
        421,
        "Use this server's IP address or localhost as the host name.",
      );
    }
    const path = new URL(request.url ?? "/", "http://app.invalid").pathname;
    if (request.method === "POST") {
      if (!isSameOrigin(request, scheme)) {
        return sendText(
          response,
          403,
          "Cross-origin requests are not accepted.",
        );
      }
      if (path === "/rpc") return proxyRpc(chainRpcUrl, request, response, log);
      if (path === "/graphql") {
        return proxyGraphql(indexerUrl, request, response, indexerHealth);
      }
      if (path === "/admin/signin" && signIn)
        return signIn.handle(request, response, log);
      return sendText(response, 404, `POST ${path} is not served here.`);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD, POST");
      return sendText(response, 405, `${request.method} is not supported.`);
    }
    if (path === "/config.json") return sendJson(response, 200, config());
    return serveStatic(root, request, response);
  };
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      log(
        `app: ${request.method} ${request.url} failed: ${(error as Error).message}`,
      );
      if (!response.headersSent)
        sendText(response, 500, "The server failed on this request.");
      else response.destroy();
    });
  };

  let server: Server;
  let fingerprint: string | undefined;
  const publicHost = host === "0.0.0.0" ? (lanAddress() ?? "127.0.0.1") : host;
  if (https) {
    const names = [...new Set(["localhost", "127.0.0.1", publicHost])];
    const certificate = createSelfSignedCertificate(names);
    fingerprint = certificate.fingerprint;
    server = createHttpsServer(
      { cert: certificate.cert, key: certificate.key },
      listener,
    );
  } else {
    server = createHttpServer(listener);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5173, host, () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  const address = server.address();
  const port =
    typeof address === "object" && address ? address.port : options.port;
  const url = `${scheme}://${publicHost}:${port}/`;
  log(`app: serving ${root} at ${url}, forwarding /rpc to ${chainRpcUrl}`);
  if (indexerUrl) log(`app: forwarding /graphql to ${indexerUrl}`);
  if (fingerprint) log(`app: self-signed certificate SHA-256 ${fingerprint}`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    adminSignInUrl: token
      ? `${scheme}://127.0.0.1:${port}/#/admin/signin/${token}`
      : undefined,
    certificateFingerprint: fingerprint,
    setIndexerUrl: (next) => {
      const parsed =
        next === undefined ? undefined : parseIndexerUrl(next).href;
      indexerUrl = parsed;
      indexerHealth = new IndexerHealthLog(log);
      log(
        parsed
          ? `app: forwarding /graphql to ${parsed}`
          : "app: /graphql has no indexer",
      );
    },
    setIndexerRestarting: () => {
      indexerUrl = INDEXER_RESTARTING;
      log("app: /graphql responds with 503 until the indexer is running again");
    },
    stop: () => {
      // `up` may stop its services twice (on a signal, then when the chain
      // exits); the second call waits for the first.
      stopping ??= new Promise<void>((resolveClose) => {
        server.close(() => {
          log("app: stopped");
          resolveClose();
        });
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
