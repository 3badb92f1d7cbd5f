#!/usr/bin/env node
// Entry point of the `sdk` and `contrail` bins: runs the compiled CLI in dist/ (built by the
// package's `build`, which `pnpm install` runs on a clone through `prepare`). No TypeScript
// is transpiled for contrail itself, and nothing of contrail's is read from a cache.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
