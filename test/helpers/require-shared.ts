/**
 * Global setup of `pnpm test:corpus`: stops the run with one clear message when the shared
 * folder is missing, instead of every corpus test failing on its own.
 */
import { sharedDir } from "./paths.ts";

/** Vitest global setup. */
export default function requireShared(): void {
  sharedDir();
}
