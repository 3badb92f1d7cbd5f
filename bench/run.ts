/**
 * `pnpm bench`: render throughput on synthetic pipelines, cold `sdk render` start-up, lint
 * speed and graph drawing time on the largest corpus file. Prints tables; asserts nothing (speed targets are
 * read by people, not enforced by tests).
 *
 * Targets: render throughput at least 1/4 of JSON.stringify's; a cold `sdk render` of the
 * blog under 2.5x `node -e 0`; lint within 2x of parsing; graph of the 111-job file under 2 s.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = ["--conditions=@contrail/source", "--import", "tsx"];

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

function renderTable(): void {
  console.log("## Render: synthetic pipelines (median of 5 runs after a warm-up)\n");
  console.log(
    "| jobs | build ms | synth (model) ms | YAML ms | YAML MB | YAML MB/s | JSON.stringify ms | JSON MB/s | YAML/JSON throughput | peak RSS MB |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const size of [100, 500, 2000]) {
    const out = execFileSync(process.execPath, [...tsx, resolve(root, "bench/render-size.ts"), String(size), "5"], {
      cwd: root,
      encoding: "utf8",
    });
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}");
    const yamlRate = r.yamlBytes / 1024 / 1024 / (r.yamlMs / 1000);
    const jsonRate = r.jsonBytes / 1024 / 1024 / (r.jsonMs / 1000);
    console.log(
      `| ${size} | ${r.buildMs.toFixed(1)} | ${r.synthMs.toFixed(1)} | ${r.yamlMs.toFixed(1)} | ${mb(r.yamlBytes)} | ${yamlRate.toFixed(1)} | ${r.jsonMs.toFixed(1)} | ${jsonRate.toFixed(1)} | ${(yamlRate / jsonRate).toFixed(3)} | ${mb(r.peakRssBytes)} |`,
    );
  }
}

function timeCommand(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function startupTable(): void {
  console.log("\n## Start-up: cold `sdk render` of the blog (median of 10 runs)\n");
  const node = timeCommand(["-e", "0"], 10);
  const render = timeCommand([resolve(root, "packages/sdk/bin/sdk.js"), "render", "packages/examples/blog/pipeline.ts"], 10);
  console.log("| command | ms | ratio to node -e 0 |\n|---|---:|---:|");
  console.log(`| node -e 0 | ${node.toFixed(0)} | 1.00 |`);
  console.log(`| sdk render blog | ${render.toFixed(0)} | ${(render / node).toFixed(2)} (target < 2.5) |`);
}

function lintTable(): void {
  const out = spawnSync(process.execPath, [...tsx, resolve(root, "bench/lint-corpus.ts")], { cwd: root, encoding: "utf8" });
  process.stdout.write(out.stdout);
  if (out.status !== 0) process.stdout.write(`\n(lint benchmark did not run: ${out.stderr.trim().split("\n")[0]})\n`);
}

function graphTable(): void {
  const out = spawnSync(process.execPath, [...tsx, resolve(root, "bench/graph.ts")], { cwd: root, encoding: "utf8" });
  process.stdout.write(`\n## Graph: cf-deployment update-releases.yml\n\n${out.stdout}`);
  if (out.status !== 0) process.stdout.write(`\n(graph benchmark did not run: ${out.stderr.trim().split("\n")[0]})\n`);
}

renderTable();
startupTable();
lintTable();
graphTable();
