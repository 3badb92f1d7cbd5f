/**
 * The `yaml` package, for tests. It is a dependency of packages/sdk only, so a bare
 * `import "yaml"` does not resolve from the root test folder; this re-export is the one place
 * to change once the workspace root lists `yaml` as a devDependency.
 */
export * from "../../../packages/sdk/node_modules/yaml/dist/index.js";
