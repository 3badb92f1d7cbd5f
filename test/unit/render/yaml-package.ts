/** The `yaml` package, for tests (re-exported so test files share one import). */
export * from "yaml";
