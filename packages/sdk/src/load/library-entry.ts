/**
 * Where `contrail` resolves for a user's pipeline.ts when it is type-checked (lint/typescript.ts):
 * the module the loader hands the file (load/load-pipeline.ts) is this copy of the library,
 * so the types are this copy's too. On its own, so that lint does not load the loader.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// From src/load/ in this workspace; from dist/chunks/ or dist/cli/ in an install.
const SOURCE_ENTRY = fileURLToPath(new URL("../index.ts", import.meta.url));

/**
 * The library entry `contrail` resolves to in a user's pipeline.ts, for lint's type-check:
 * the sources in this workspace, the compiled copy's declarations in an install.
 */
export const LIBRARY_ENTRY = existsSync(SOURCE_ENTRY) ? SOURCE_ENTRY : fileURLToPath(new URL("../index.d.ts", import.meta.url));
