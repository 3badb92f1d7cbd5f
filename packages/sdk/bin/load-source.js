// Loads the SDK's TypeScript sources with jiti. `contrail` is aliased to the source entry so
// that a user's pipeline.ts and the CLI share one instance of the library (one set of
// classes, one brand registry) whether or not dist/ exists.

import { fileURLToPath } from "node:url";
import { createJiti } from "jiti";

const srcIndex = fileURLToPath(new URL("../src/index.ts", import.meta.url));

/** The shared jiti instance (also used by the CLI to load pipeline.ts files). */
export const jiti = createJiti(import.meta.url, {
  alias: { contrail: srcIndex },
  interopDefault: false,
});

/** Imports a TypeScript module of the SDK. */
export function loadSourceModule(file) {
  return jiti.import(file);
}
