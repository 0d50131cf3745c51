"use strict";

// Caliper workload: commitSheet with a signed sheet and its escrow copy for
// a claimed seat. The last commit of a round closes scoring.

const { SignedCallsWorkload } = require("./signed-calls.cjs");

module.exports.createWorkloadModule = () =>
  new SignedCallsWorkload("commitSheet");
