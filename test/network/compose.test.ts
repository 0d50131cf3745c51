import { join } from "node:path";

import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  makeTempFolder,
  nodeNames,
  readText,
  readTomlFile,
  writeNetwork,
} from "./network-fixture.ts";
import { tomlValue } from "./toml-reader.ts";

const temp = makeTempFolder("compose");
afterAll(() => temp.remove());

const VALIDATORS = 4;
const RPC_HOST = "192.168.10.5";
const HOSTS = ["10.2.0.1", "10.2.0.2", "10.2.0.3", "10.2.0.4"];

interface Service {
  image: string;
  command: string[];
  volumes: string[];
  working_dir: string;
  user: string;
  ports?: string[];
  network_mode?: string;
  networks?: { besu: { ipv4_address: string } };
}

interface ComposeFile {
  services: Record<string, Service>;
  networks?: { besu: { ipam: { config: { subnet: string }[] } } };
}

let dockerDir: string;
let hostsDir: string;

beforeAll(async () => {
  dockerDir = join(temp.path, "docker");
  await writeNetwork(dockerDir, { rpcNode: "2", rpcHost: RPC_HOST });
  hostsDir = join(temp.path, "hosts");
  await writeNetwork(hostsDir, { bootnodeHost: HOSTS });
});

function compose(outDir: string): ComposeFile {
  return load(readText(outDir, "docker-compose.yml")) as ComposeFile;
}

/** Splits "host:published:container" into its parts. */
function parsePort(mapping: string) {
  const [host, published, container] = mapping.split(":");
  return { host, published: Number(published), container: Number(container) };
}

describe("docker-compose.yml on one host", () => {
  it("parses as YAML with one service per node", () => {
    const file = compose(dockerDir);
    expect(Object.keys(file.services)).toEqual(nodeNames(VALIDATORS));
  });

  it("pins the official Besu image", () => {
    for (const [name, service] of Object.entries(compose(dockerDir).services)) {
      expect(service.image, name).toMatch(/^hyperledger\/besu:\d+\.\d+\.\d+$/);
    }
  });

  it("publishes on loopback except the RPC node's JSON-RPC", () => {
    const published: number[] = [];
    for (const [name, service] of Object.entries(compose(dockerDir).services)) {
      const config = readTomlFile(dockerDir, `${name}/config.toml`);
      const rpcPort = tomlValue(config, "rpc-http-port");
      for (const mapping of service.ports ?? []) {
        const port = parsePort(mapping);
        published.push(port.published);
        expect(port.published, mapping).toBe(port.container);
        const isRpc = name === "node-2" && port.container === rpcPort;
        expect(port.host, `${name} ${mapping}`).toBe(
          isRpc ? RPC_HOST : "127.0.0.1",
        );
      }
      expect(service.ports, name).toContain(
        `${tomlValue(config, "rpc-http-host")}:${rpcPort}:${rpcPort}`,
      );
    }
    expect(new Set(published).size).toBe(published.length);
  });

  it("places each node at its enode address", () => {
    const file = compose(dockerDir);
    const subnet = file.networks!.besu.ipam.config[0].subnet;
    const prefix = subnet.split(".").slice(0, 3).join(".");
    for (const [name, service] of Object.entries(file.services)) {
      const config = readTomlFile(dockerDir, `${name}/config.toml`);
      const address = service.networks!.besu.ipv4_address;
      expect(address).toBe(tomlValue(config, "p2p-host"));
      expect(address.startsWith(`${prefix}.`), address).toBe(true);
    }
  });

  it("mounts each node folder as Besu's working folder", () => {
    for (const [name, service] of Object.entries(compose(dockerDir).services)) {
      const [source, target] = service.volumes[0].split(":");
      expect(source).toBe(`./${name}`);
      expect(target).toBe(service.working_dir);
      expect(target.startsWith("/opt/besu")).toBe(false);
      expect(service.command).toContain("--config-file=config.toml");
      expect(service.user).toMatch(/JURYBOX_UID/);
    }
    const env = readText(dockerDir, ".env");
    expect(env).toMatch(/^JURYBOX_UID=\d+$/m);
    expect(env).toMatch(/^JURYBOX_GID=\d+$/m);
  });
});

describe("docker-compose.yml with one host per node", () => {
  it("uses host networking and publishes nothing", () => {
    const file = compose(hostsDir);
    expect(Object.keys(file.services)).toEqual(nodeNames(VALIDATORS));
    expect(file.networks).toBeUndefined();
    for (const [name, service] of Object.entries(file.services)) {
      expect(service.network_mode, name).toBe("host");
      expect(service.ports, name).toBeUndefined();
      // Without a bridge network, config.toml's interfaces apply as written.
      expect(
        service.command.some((arg) => arg.startsWith("--rpc-http-host")),
      ).toBe(false);
    }
  });
});
