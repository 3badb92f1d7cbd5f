#!/usr/bin/env node
// Entry point of the `sdk` and `contrail` bins: runs the compiled CLI in dist/ (built by the
// package's `build`, which `pnpm install` runs on a clone through `prepare`). No TypeScript
// is transpiled for contrail itself, and nothing of contrail's is read from a cache.
import { main } from "../dist/cli/main.js";

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Timers a pipeline.ts left behind must not keep contrail running once it is done: end
// here, after what was written has been handed to the streams.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
