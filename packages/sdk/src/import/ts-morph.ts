/**
 * ts-morph, loaded on first use. It (with its own TypeScript, about 16 MB) is an optional
 * peer dependency of contrail: only `sdk import` and `contrail/import` need it, so a
 * render-only or lint-only install goes without it.
 */

/** The version contrail is built and tested with. */
export const TS_MORPH_VERSION = "28.0.0";

/** ts-morph is not installed; the message says in one line how to install it. */
export class MissingTsMorphError extends Error {
  constructor() {
    super(
      `sdk import needs ts-morph, an optional peer dependency of contrail that is not installed: run 'npm install --save-dev ts-morph@${TS_MORPH_VERSION}' (or pnpm add -D / yarn add -D) and try again.`,
    );
    this.name = "MissingTsMorphError";
  }
}

/** Imports ts-morph, or throws {@link MissingTsMorphError} when it is not installed. */
export async function loadTsMorph(): Promise<typeof import("ts-morph")> {
  try {
    return await import("ts-morph");
  } catch (error) {
    if (isMissing(error)) throw new MissingTsMorphError();
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String((error as Error).message).includes("ts-morph");
}
