export { evaluationRegistryAbi as registryAbi } from "../../core/generated/registry-abi.ts";
