// The registry's ABI, generated from the compiled contract; it includes the
// custom errors, so a revert shows its error name and arguments.
export { evaluationRegistryAbi as registryAbi } from "../../../core/generated/registry-abi.ts";
