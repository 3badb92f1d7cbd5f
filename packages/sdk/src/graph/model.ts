/**
 * The pipeline graph as Concourse's web UI draws it, before any layout.
 *
 * - every job is a node;
 * - a `get` without `passed:` is a small resource node beside (left of) the job, with an
 *   edge into the job: solid when the get triggers, dashed when it does not;
 * - a `put` is a resource node right of the job, with an edge out of the job;
 * - a `get` with `passed: [up]` draws the version's path: `up` → the resource (right of
 *   `up`, the same node as up's `put` of it when there is one) → the job, so that jobs
 *   fall into columns by the depth of their `passed:` chains;
 * - a `get` with several drawn `passed:` jobs joins their resource boxes in a small
 *   junction node, with one edge from it into the job: the version must have passed all
 *   of them. (Concourse's pre-v2 pipeline view drew this "gateway" node, keyed by the
 *   upstream jobs: `gatewayNode` in web/assets/js/graph.js, still defined there today;
 *   today's `createGraph` draws one edge per upstream instead. The issue asks for the
 *   junction, which shows the fan-in without a crossing edge per upstream.)
 *
 * With a group, only the group's jobs are drawn, with the resources they touch; a `passed:`
 * job outside the group is left out, and when none is left the get is drawn as a plain input.
 *
 * This follows `createGraph` in Concourse's web UI (graph.js): outputs first, then the
 * `passed:` inputs (which set the columns), then the unconstrained inputs.
 */
import type { PipelineConfig } from "../model/index.ts";
import { matchesGlob } from "./glob.ts";
import { type JobInput, type JobIo, jobIo } from "./walk.ts";

/** A job box. */
export interface JobNode {
  readonly kind: "job";
  /** Unique, stable id: `job:NAME`. */
  readonly id: string;
  /** The job's name. */
  readonly name: string;
}

/** A resource box: one per job that reads or writes the resource, as in Concourse. */
export interface ResourceNode {
  readonly kind: "resource";
  /** Unique, stable id: `in:JOB:RESOURCE` (an input of JOB) or `out:JOB:RESOURCE` (written or passed on by JOB). */
  readonly id: string;
  /** The resource's name. */
  readonly name: string;
  /** The resource's type, when the pipeline declares the resource. */
  readonly type?: string;
  /** The job the box sits beside. */
  readonly job: string;
  /** `input`: left of the job; `output`: right of the job. */
  readonly side: "input" | "output";
}

/**
 * Where the versions of a resource from several `passed:` jobs meet before one input of a
 * job: a small dot, one per job and resource.
 */
export interface JunctionNode {
  readonly kind: "junction";
  /** Unique, stable id: `junction:JOB:RESOURCE`. */
  readonly id: string;
  /** The resource of the input. */
  readonly name: string;
  /** The job whose input it is. */
  readonly job: string;
  /** The upstream jobs it joins, in the order of `passed:`. */
  readonly upstream: readonly string[];
}

/** A node of the graph. */
export type GraphNode = JobNode | ResourceNode | JunctionNode;

/**
 * An edge. `get`: input resource → job; `passed`: upstream's resource box → downstream
 * job (or → the junction, and junction → job, for several upstreams); `put`: job →
 * resource it writes; `pass`: job → resource box for a version it only passes on (it gets
 * the resource, a later job has it in `passed:`).
 */
export interface GraphEdge {
  /** Stable id: `FROM->TO`. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: "get" | "passed" | "put" | "pass";
  /** The resource the edge carries. */
  readonly resource: string;
  /** Solid when true (a triggering get, or any put); dashed when false. */
  readonly trigger: boolean;
}

/** A graph: nodes and edges in a stable order (jobs in pipeline order, then by plan). */
export interface PipelineGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Options of {@link buildGraph}. */
export interface BuildGraphOptions {
  /** Draw only this group's jobs (see {@link groupJobs}). */
  readonly group?: string | undefined;
}

/** A group name that the pipeline does not define. */
export class UnknownGroupError extends Error {
  /** The groups the pipeline defines. */
  readonly known: readonly string[];
  constructor(group: string, known: readonly string[]) {
    super(
      known.length === 0
        ? `the pipeline has no groups (asked for '${group}')`
        : `the pipeline has no group '${group}'; its groups: ${known.join(", ")}`,
    );
    this.name = "UnknownGroupError";
    this.known = known;
  }
}

/** The names of a group's jobs, in pipeline order; its `jobs:` entries are glob patterns. */
export function groupJobs(config: PipelineConfig, group: string): string[] {
  const found = (config.groups ?? []).find((g) => g.name === group);
  if (!found)
    throw new UnknownGroupError(
      group,
      (config.groups ?? []).map((g) => g.name),
    );
  const patterns = found.jobs ?? [];
  return config.jobs.map((j) => j.name).filter((name) => patterns.some((p) => matchesGlob(p, name)));
}

/** Builds the graph of a pipeline (or of one of its groups). */
export function buildGraph(config: PipelineConfig, options: BuildGraphOptions = {}): PipelineGraph {
  const shown = options.group === undefined ? undefined : new Set(groupJobs(config, options.group));
  const jobs = config.jobs.filter((j) => shown === undefined || shown.has(j.name));
  const types = new Map((config.resources ?? []).map((r) => [r.name, r.type]));
  const io = new Map<string, JobIo>(jobs.map((j) => [j.name, jobIo(j)]));
  const builder = new Builder(types);

  for (const job of jobs) builder.node({ kind: "job", id: jobId(job.name), name: job.name });
  for (const job of jobs) addOutputs(builder, job.name, io);
  for (const job of jobs) addConstrainedInputs(builder, job.name, io);
  const depths = jobDepths(
    jobs.map((j) => j.name),
    io,
  );
  const shared = new Map<string, string>();
  for (const job of jobs) addUnconstrainedInputs(builder, job.name, io, depths, shared);
  return { nodes: builder.nodes, edges: builder.edges };
}

function addOutputs(b: Builder, job: string, io: Map<string, JobIo>): void {
  for (const output of io.get(job)?.outputs ?? []) {
    b.edge(jobId(job), b.resource(job, output.resource, "output"), "put", output.resource, true);
  }
}

/** The `passed:` jobs of an input that are drawn (in the group, when there is one). */
function upstreamOf(input: JobInput, io: ReadonlyMap<string, JobIo>): string[] {
  return input.passed.filter((p) => io.has(p));
}

function addConstrainedInputs(b: Builder, job: string, io: Map<string, JobIo>): void {
  for (const input of io.get(job)?.inputs ?? []) {
    const upstream = upstreamOf(input, io);
    // Several upstreams meet in a junction, which has the one edge into the job.
    const into = upstream.length > 1 ? b.junction(job, input.resource, upstream) : jobId(job);
    for (const up of upstream) {
      const box = b.resource(up, input.resource, "output");
      b.edge(jobId(up), box, "pass", input.resource, true);
      b.edge(box, into, "passed", input.resource, input.trigger);
    }
    if (into !== jobId(job)) b.edge(into, jobId(job), "passed", input.resource, input.trigger);
  }
}

/**
 * Unconstrained inputs: one box per resource and column, shared by the jobs of that column
 * (Concourse's `collapseEquivalentNodes`), placed by the first of them.
 */
function addUnconstrainedInputs(
  b: Builder,
  job: string,
  io: Map<string, JobIo>,
  depths: ReadonlyMap<string, number>,
  shared: Map<string, string>,
): void {
  for (const input of io.get(job)?.inputs ?? []) {
    if (upstreamOf(input, io).length > 0) continue;
    const key = `${depths.get(job) ?? 0}\u0000${input.resource}`;
    let box = shared.get(key);
    if (box === undefined) {
      box = b.resource(job, input.resource, "input");
      shared.set(key, box);
    }
    b.edge(box, jobId(job), "get", input.resource, input.trigger);
  }
}

/**
 * Each job's column: 0 without drawn `passed:` inputs, else one more than its deepest
 * upstream job. A `passed:` cycle (which Concourse rejects) is cut where it closes.
 */
export function jobDepths(jobs: readonly string[], io: ReadonlyMap<string, JobIo>): Map<string, number> {
  const depths = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (job: string): number => {
    const known = depths.get(job);
    if (known !== undefined) return known;
    if (visiting.has(job)) return 0;
    visiting.add(job);
    let d = 0;
    for (const input of io.get(job)?.inputs ?? []) for (const up of upstreamOf(input, io)) d = Math.max(d, depth(up) + 1);
    visiting.delete(job);
    depths.set(job, d);
    return d;
  };
  for (const job of jobs) depth(job);
  return depths;
}

/** The id of a job's node. */
export function jobId(job: string): string {
  return `job:${job}`;
}

/** Collects nodes and edges once each, in insertion order. */
class Builder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly ids = new Set<string>();
  private readonly edgeIds = new Set<string>();
  private readonly types: ReadonlyMap<string, string>;
  constructor(types: ReadonlyMap<string, string>) {
    this.types = types;
  }

  node(node: GraphNode): void {
    if (this.ids.has(node.id)) return;
    this.ids.add(node.id);
    this.nodes.push(node);
  }

  resource(job: string, resource: string, side: "input" | "output"): string {
    const id = `${side === "input" ? "in" : "out"}:${job}:${resource}`;
    const type = this.types.get(resource);
    this.node({ kind: "resource", id, name: resource, job, side, ...(type !== undefined ? { type } : {}) });
    return id;
  }

  junction(job: string, resource: string, upstream: readonly string[]): string {
    const id = `junction:${job}:${resource}`;
    this.node({ kind: "junction", id, name: resource, job, upstream });
    return id;
  }

  edge(from: string, to: string, kind: GraphEdge["kind"], resource: string, trigger: boolean): void {
    const id = `${from}->${to}`;
    if (this.edgeIds.has(id)) return;
    this.edgeIds.add(id);
    this.edges.push({ id, from, to, kind, resource, trigger });
  }
}
