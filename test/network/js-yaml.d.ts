// js-yaml ships without type declarations; the tests use only `load`.
declare module "js-yaml" {
  export function load(text: string): unknown;
}
