/**
 * The task files of one CLI run (`lint`, `render`, `graph`): the artifacts given with
 * `--artifact`, those mapped automatically for each pipeline, one shared cache of task files
 * per mapping, and what to tell the user (mappings, how many file tasks were followed).
 */
import { relative, resolve } from "node:path";
import type { Io } from "../io/io.ts";
import { ioTaskFileSource } from "../io/task-file-source.ts";
import type { RuleSettings } from "../lint/codes.ts";
import type { FileTaskStats } from "../lint/rules/context.ts";
import type { PipelineConfig } from "../model/index.ts";
import { autoMapArtifacts, findGitCheckout } from "../task-file/auto-map.ts";
import type { TaskFileSource } from "../task-file/source.ts";

/** One artifact mapping in effect for a pipeline file. */
export interface ArtifactMappingNote {
  /** The pipeline file it applies to. */
  readonly file: string;
  readonly artifact: string;
  /** The folder, as shown (relative to the working directory). */
  readonly folder: string;
  /** Made without a flag: the git resource whose uri is the checkout's remote. */
  readonly auto?: { readonly resource: string; readonly remote: string };
}

/** Task files for a CLI run. */
export class TaskFileSession {
  private readonly io: Io;
  private readonly explicit: Readonly<Record<string, string>>;
  private readonly rules: RuleSettings | undefined;
  private readonly sources = new Map<string, TaskFileSource>();
  /** Every mapping in effect, per pipeline file, auto ones included. */
  readonly mappings: ArtifactMappingNote[] = [];
  /** File tasks followed and not, over every pipeline of the run. */
  readonly stats: FileTaskStats = { resolved: 0, unchecked: 0, outside: 0 };

  constructor(io: Io, explicit: Readonly<Record<string, string>>, rules?: RuleSettings) {
    this.io = io;
    this.explicit = explicit;
    this.rules = rules;
  }

  /**
   * The `taskFiles` option for a pipeline file: explicit mappings plus the obvious ones.
   * `own` are the pipeline's own mappings (a pipeline.ts's `artifacts`), which the explicit
   * ones override.
   */
  forPipeline(file: string, own: Readonly<Record<string, string>> = {}): (config: PipelineConfig) => TaskFileSource | undefined {
    return (config) => {
      const given = { ...own, ...this.explicit };
      const checkout = findGitCheckout(resolve(this.io.cwd, file), this.io);
      const auto = checkout ? autoMapArtifacts(config, checkout, new Set(Object.keys(given))) : [];
      const artifacts: Record<string, string> = { ...given };
      for (const m of auto)
        Object.defineProperty(artifacts, m.artifact, { value: m.folder, enumerable: true, writable: true, configurable: true });
      for (const [artifact, folder] of Object.entries(given)) this.mappings.push({ file, artifact, folder: this.show(folder) });
      for (const m of auto) {
        this.mappings.push({ file, artifact: m.artifact, folder: this.show(m.folder), auto: { resource: m.resource, remote: m.remote } });
      }
      if (Object.keys(artifacts).length === 0) return undefined;
      const key = JSON.stringify(Object.entries(artifacts).sort());
      let source = this.sources.get(key);
      if (!source) {
        source = ioTaskFileSource(this.io, artifacts, this.rules);
        this.sources.set(key, source);
      }
      return source;
    };
  }

  /** Adds the counts of one lint. */
  count(stats: FileTaskStats | undefined): void {
    if (!stats) return;
    this.stats.resolved += stats.resolved;
    this.stats.unchecked += stats.unchecked;
    this.stats.outside += stats.outside;
  }

  /** The text of every task file read, by shown path (for code frames). */
  texts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const source of this.sources.values()) for (const [path, file] of source.files()) out.set(path, file.text);
    return out;
  }

  /** One line per automatic mapping, for stderr. */
  autoMappingLines(command: string): string {
    return this.mappings
      .filter((m) => m.auto)
      .map(
        (m) =>
          `sdk ${command}: ${m.file}: artifact '${m.artifact}' is the folder ${m.folder} (git resource '${m.auto?.resource}' has this checkout's remote ${m.auto?.remote})\n`,
      )
      .join("");
  }

  /**
   * The summary note: `N file tasks not checked: ...` (and why), or undefined when every one
   * was. A task file outside its mapped artifact's folder is its own case: mapping the
   * artifact again would not help.
   */
  uncheckedNote(): string | undefined {
    const tasks = (n: number) => `${n} file task${n === 1 ? "" : "s"}`;
    const { unchecked, outside } = this.stats;
    const notes: string[] = [];
    if (unchecked > 0) notes.push(`${tasks(unchecked)} not checked: map their artifacts with --artifact`);
    if (outside > 0) {
      notes.push(
        `${tasks(outside)} not checked: the task file's path leads out of its artifact's folder ('..' or a symbolic link), which is not followed`,
      );
    }
    return notes.length === 0 ? undefined : notes.join("; ");
  }

  private show(folder: string): string {
    return relative(this.io.cwd, folder) || ".";
  }
}
