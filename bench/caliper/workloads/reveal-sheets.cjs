"use strict";

// Caliper workload: revealSheet with the scores, comments and salt of a
// committed sheet. The reveal that completes a round's set runs the tally.

const { SignedCallsWorkload } = require("./signed-calls.cjs");

module.exports.createWorkloadModule = () =>
  new SignedCallsWorkload("revealSheet");
