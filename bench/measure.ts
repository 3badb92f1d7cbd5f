/**
 * The one measuring helper of the benchmarks: runs several subjects (whole processes or
 * in-process functions) interleaved, round after round, so that a slow moment of a shared
 * machine falls on all of them alike, and reports the median and range of each with its
 * ratio to a baseline. Asserts nothing: speed targets are read by people, not enforced.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root, where commands run. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Something to time: one call of `run` is one sample. */
export interface Subject {
  /** The row's label. */
  readonly name: string;
  /** One run; a thrown error stops the benchmark (a broken subject measures nothing). */
  readonly run: () => unknown;
  /** Called before each run, outside its timing (to make what the run takes). */
  readonly prepare?: () => void;
}

/** Median and range of one subject's samples, in milliseconds. */
export interface Measurement {
  readonly name: string;
  readonly samples: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** How to interleave: measured rounds, and unmeasured warm-up rounds before them. */
export interface MeasureOptions {
  readonly runs?: number;
  readonly warmup?: number;
}

/** A whole process as a subject: `node ARGS` (or another program), run to completion. */
export function processSubject(
  name: string,
  args: readonly string[],
  options: { command?: string; env?: NodeJS.ProcessEnv; okCodes?: readonly number[] } = {},
): Subject {
  const command = options.command ?? process.execPath;
  const ok = options.okCodes ?? [0];
  return {
    name,
    run: () => {
      const result = spawnSync(command, [...args], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
        env: options.env ?? process.env,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (result.status === null || !ok.includes(result.status)) {
        throw new Error(`${name}: '${[command, ...args].join(" ")}' exited ${result.status}: ${result.stderr?.toString().slice(0, 500)}`);
      }
    },
  };
}

/** The median of a list (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Runs every subject once per round, in turn, and returns each one's measurement. */
export async function measure(subjects: readonly Subject[], options: MeasureOptions = {}): Promise<Measurement[]> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  const samples = subjects.map(() => [] as number[]);
  for (let round = 0; round < warmup + runs; round++) {
    for (const [i, subject] of subjects.entries()) {
      subject.prepare?.();
      const start = performance.now();
      await subject.run();
      const ms = performance.now() - start;
      if (round >= warmup) samples[i]?.push(ms);
    }
  }
  return subjects.map((subject, i) => {
    const list = samples[i] ?? [];
    return { name: subject.name, samples: list, median: median(list), min: Math.min(...list), max: Math.max(...list) };
  });
}

/** A ratio of medians, with the range of the ratio of the two ranges' ends. */
export function ratio(a: Measurement, b: Measurement): string {
  return `${(a.median / b.median).toFixed(2)} (${(a.min / b.max).toFixed(2)}-${(a.max / b.min).toFixed(2)})`;
}

/** Formats milliseconds: whole numbers from 10 up, one decimal below. */
export function ms(value: number): string {
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** A column of extra text per row, e.g. a ratio to something other than the baseline. */
export interface ExtraColumn {
  readonly title: string;
  readonly cell: (m: Measurement) => string;
}

/**
 * A Markdown table of measurements: median, range and the ratio of each to `baseline`
 * (a subject's name), with any extra columns.
 */
export function table(measurements: readonly Measurement[], baseline?: string, extra: readonly ExtraColumn[] = []): string {
  const base = measurements.find((m) => m.name === baseline);
  const titles = ["subject", "median ms", "range ms", ...(base ? [`ratio to ${base.name}`] : []), ...extra.map((c) => c.title)];
  const rows = measurements.map((m) => [
    m.name,
    ms(m.median),
    `${ms(m.min)}-${ms(m.max)}`,
    ...(base ? [ratio(m, base)] : []),
    ...extra.map((c) => c.cell(m)),
  ]);
  const align = titles.map((_, i) => (i === 0 ? "---" : "---:"));
  return [titles, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
