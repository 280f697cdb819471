/** Placeholder: the package catalog contract (filled in with the package managers). */
export interface PackageCatalog {
  readonly name: string;
}
