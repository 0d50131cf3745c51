import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Deploys the Tally library and the EvaluationRegistry linked to it. The
 * `admin` parameter gets the registry's admin role. It defaults to the
 * first account of the network connection, which is the local admin key on
 * the embedded chain.
 */
export default buildModule("EvaluationRegistryModule", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const tally = m.library("Tally");
  const registry = m.contract("EvaluationRegistry", [admin], {
    libraries: { Tally: tally },
  });
  return { registry };
});
