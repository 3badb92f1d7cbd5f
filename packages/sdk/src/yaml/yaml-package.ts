/**
 * The `yaml` package, loaded on first use. contrail reads YAML with its own fast reader
 * (fast-reader.ts); the package is needed only where that reader gives up, for `sdk diff`'s
 * canonical text and for `sdk import`'s look at later documents. Loaded up front it was a
 * sixth of the CLI's bundle, compiled and initialised on every start (issue 11: start-up).
 *
 * @see https://eemeli.org/yaml/
 */
import { createRequire } from "node:module";

type YamlPackage = typeof import("yaml");

const require = createRequire(import.meta.url);
let loaded: YamlPackage | undefined;

/** The `yaml` package's API (its CommonJS build, required once). */
export function yamlPackage(): YamlPackage {
  loaded ??= require("yaml") as YamlPackage;
  return loaded;
}
