/**
 * `pnpm bench [TOPIC...]`: runs every benchmark topic, or the ones named. A topic is a file
 * `bench/<topic>.ts` beside this one exporting one async function that prints its table
 * (shared measuring in `measure.ts`, helpers in `lib/`). Asserts nothing: speed targets
 * are read by people, not enforced by tests.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Files of bench/ that are not topics. */
const NOT_TOPICS = new Set(["run.ts", "measure.ts"]);

const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !NOT_TOPICS.has(f))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((t) => !available.includes(t));
if (unknown.length > 0) {
  console.error(`pnpm bench: no topic ${unknown.map((t) => `'${t}'`).join(", ")}. Topics: ${available.join(", ")}`);
  process.exit(2);
}

for (const topic of wanted.length > 0 ? wanted : available) {
  const module = (await import(pathToFileURL(join(here, `${topic}.ts`)).href)) as Record<string, unknown>;
  const run = Object.values(module).find((v): v is () => Promise<void> => typeof v === "function");
  if (!run) {
    console.error(`bench/${topic}.ts exports no function; a topic exports one async function that prints its table.`);
    process.exitCode = 2;
    continue;
  }
  console.log(`\n# ${topic}\n`);
  try {
    await run();
  } catch (error) {
    // One broken topic (a missing corpus file, a failing command) must not hide the others.
    console.log(`(${topic} did not run: ${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    process.exitCode = 1;
  }
}
