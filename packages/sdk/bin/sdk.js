#!/usr/bin/env node
// Entry point of the `sdk` and `contrail` bins: runs the compiled CLI in dist/ (built by the
// package's `build`, which `pnpm install` runs on a clone through `prepare`), through V8's
// code cache in the user's private cache folder (dist/cli/boot.js, src/load/code-cache.ts).
// No TypeScript is transpiled for contrail itself.
import { runCli } from "../dist/cli/boot.js";

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Timers a pipeline.ts left behind must not keep contrail running once it is done: end
// here, after what was written has been handed to the streams.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
