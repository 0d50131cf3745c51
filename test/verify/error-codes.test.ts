import { describe, expect, it } from "vitest";

import { CliError } from "../../cli/lib/errors.ts";
import { NotARegistryError } from "../../cli/lib/registry-address.ts";
import { codeOfClassName, errorCode } from "../../cli/output/errors.ts";
import { RoundNotFoundError } from "../../core/verify/index.ts";

// The `--json` error codes that scripts match on, as docs/VERIFY.md lists
// them.

describe("codeOfClassName", () => {
  it.each([
    ["RoundNotFoundError", "round-not-found"],
    ["NotARegistryError", "not-a-registry"],
    ["NotJsonRpcError", "not-json-rpc"],
    ["RpcURLError", "rpc-url"],
    ["HTTPServerError", "http-server"],
    ["AError", "a"],
  ])("turns %s into %s", (name, code) => {
    expect(codeOfClassName(name)).toBe(code);
  });
});

describe("errorCode", () => {
  it("takes a CliError's own code first", () => {
    const error = new CliError("The node is behind.", {
      code: "block-not-reached",
    });
    expect(errorCode(error, error)).toBe("block-not-reached");
  });

  it("names a CliError without a code failed", () => {
    const error = new CliError("Something went wrong.");
    expect(errorCode(error, error)).toBe("failed");
  });

  it("names a registry error and a core error by their classes", () => {
    const registry = new NotARegistryError("0x01", 1337);
    expect(errorCode(registry, registry)).toBe("not-a-registry");
    const core = new RoundNotFoundError(9n, "0x01");
    expect(errorCode(core, new CliError(core.shortMessage))).toBe(
      "round-not-found",
    );
  });
});
