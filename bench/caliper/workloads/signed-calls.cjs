"use strict";

// A Caliper workload that sends registry calls prepared and signed before
// the round (bench/caliper/payloads.ts). Each worker takes every n-th call
// of the payload file, so no two workers send the same call.

const fs = require("fs");
const { WorkloadModuleBase } = require("@hyperledger/caliper-core");

class SignedCallsWorkload extends WorkloadModuleBase {
  /**
   * @param {string} verb The registry function that every call invokes.
   */
  constructor(verb) {
    super();
    this.verb = verb;
    this.calls = [];
    this.sent = 0;
  }

  /**
   * Reads this worker's share of the calls. Round arguments: payloadFile,
   * the JSON array of argument lists, and contract, the contract name of
   * the network configuration.
   */
  async initializeWorkloadModule(
    workerIndex,
    totalWorkers,
    roundIndex,
    roundArguments,
    sutAdapter,
    sutContext,
  ) {
    await super.initializeWorkloadModule(
      workerIndex,
      totalWorkers,
      roundIndex,
      roundArguments,
      sutAdapter,
      sutContext,
    );
    const { payloadFile, contract } = roundArguments;
    if (typeof payloadFile !== "string" || typeof contract !== "string") {
      throw new Error(
        `The ${this.verb} round needs the arguments payloadFile and contract; set both in the benchmark configuration.`,
      );
    }
    const all = JSON.parse(fs.readFileSync(payloadFile, "utf8"));
    this.calls = all.filter((_, index) => index % totalWorkers === workerIndex);
    this.contract = contract;
  }

  /** Sends the next prepared call through the connector. */
  async submitTransaction() {
    const args = this.calls[this.sent];
    if (args === undefined) {
      throw new Error(
        `Worker ${this.workerIndex} has sent all ${this.calls.length} prepared ${this.verb} calls; ` +
          "set the round's txNumber to at most the number of calls in the payload file.",
      );
    }
    this.sent += 1;
    return this.sutAdapter.sendRequests({
      contract: this.contract,
      verb: this.verb,
      args,
      readOnly: false,
    });
  }
}

module.exports = { SignedCallsWorkload };
