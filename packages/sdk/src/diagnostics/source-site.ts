/**
 * Where the user's code created a builder object, so that a diagnostic about it can name
 * `pipeline.ts:LINE:COL` instead of a YAML path the user has to count back from.
 *
 * Capturing is cheap and resolving is lazy: a builder's constructor records a V8 stack
 * (a few frames, not yet formatted as text); only when a diagnostic needs the position is
 * the stack formatted, the first frame outside contrail picked, and the position mapped
 * back to the TypeScript the user wrote (see {@link setPositionMapper}).
 */
import { dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** A place in a source file: 1-based line and column. */
export interface SourcePosition {
  /** An absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Maps a position in code as it ran (after a loader transpiled it) to the source the user
 * wrote. The CLI installs one for jiti, whose generated code keeps lines but not columns.
 */
export type PositionMapper = (position: SourcePosition) => SourcePosition;

// contrail's own code: the folder holding diagnostics/, builders/... (src/ or dist/).
const LIBRARY_DIR = dirname(dirname(fileURLToPath(import.meta.url))) + sep;
// Frames kept above the builder's outermost constructor (skipped by V8, see recordSite):
// the user's `new Task(...)`, and one more for a library function that made the object
// without saying so (see onUsersBehalf). Capturing costs microseconds per builder, the
// largest part of building a big pipeline (bench/source-sites.ts), and grows with the
// frames kept: a 2,000-job pipeline makes 16,000 builders.
const FRAMES = 2;

// The site of the library call (`resource.get`, `loadVar`...) that is making builder
// objects on the user's behalf: captured once as the call begins, and given to each object
// it makes. Captured there, V8 walks two frames to reach the user's; from each object's
// constructor it walked every frame of the library in between (half the cost of a build).
let onBehalf: Holder | undefined;

// The captured stack, kept on the builder object under a symbol of this module's: a
// property costs less than a WeakMap entry to set and to keep (16,000 of them in a
// 2,000-job pipeline, each an ephemeron the garbage collector visits on every pass).
const SITE = Symbol("contrail.sourceSite");
type Holder = { stack?: string };
type Sited = { [SITE]?: Holder };
const resolved = new WeakMap<object, SourcePosition | null>();
// Shared by every copy of contrail in the process (like the brands): the user's pipeline
// may load another copy than the CLI's, and its builders must map through the CLI's mapper.
const MAPPER = Symbol.for("contrail.PositionMapper");
const shared = globalThis as { [MAPPER]?: PositionMapper | undefined };

/**
 * Records where the user's code is creating `target`. Call it in a builder's base
 * constructor with `new.target`: V8 then leaves out every frame up to the outermost
 * constructor call (subclasses included), so the first frames kept are the caller's.
 */
// biome-ignore lint/complexity/noBannedTypes: new.target is any constructor.
export function recordSite(target: object, outermost: Function): void {
  if (onBehalf !== undefined) {
    (target as Sited)[SITE] = onBehalf;
    return;
  }
  // Captured here and in onUsersBehalf, not in a helper both call: each frame V8 walks to
  // reach the user's costs about as much as the frame kept.
  const holder: Holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  Error.captureStackTrace(holder, outermost);
  Error.stackTraceLimit = limit;
  (target as Sited)[SITE] = holder;
}

/**
 * Runs `make`, in which library code makes builder objects for the user, who called the
 * library function `called` (a public method or function: `resource.get`, `loadVar`):
 * each object records the place of that call. The outermost call counts: a helper calling
 * another keeps the first one's place.
 */
// biome-ignore lint/complexity/noBannedTypes: any function on the stack.
export function onUsersBehalf<T>(called: Function, make: () => T): T {
  if (onBehalf !== undefined) return make();
  // Here, not in recordSite: the frames left out are this one and `called`'s.
  const holder: Holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  Error.captureStackTrace(holder, called);
  Error.stackTraceLimit = limit;
  onBehalf = holder;
  try {
    return make();
  } finally {
    onBehalf = undefined;
  }
}

/** Gives `target` the site recorded for `from` (for objects made on the user's behalf). */
export function copySite(target: object, from: object): void {
  const holder = (from as Sited)[SITE];
  if (holder) (target as Sited)[SITE] = holder;
}

/** Where the user's code created `target`, when it was recorded and lies in user code. */
export function siteOf(target: object): SourcePosition | undefined {
  const known = resolved.get(target);
  if (known !== undefined) return known ?? undefined;
  const stack = (target as Sited)[SITE]?.stack;
  const position = stack === undefined ? undefined : userFrames(stack)[0];
  resolved.set(target, position ?? null);
  return position;
}

/**
 * Installs the mapper from run positions to source positions (or removes it with
 * `undefined`). Positions already resolved keep their value.
 */
export function setPositionMapper(next: PositionMapper | undefined): void {
  shared[MAPPER] = next;
}

/** A frame of a stack in the user's code. */
export interface UserFrame extends SourcePosition {
  /** The function, as V8 names it (`makeJobs`, `new Foo`), when it has a name. */
  readonly name?: string;
}

// `    at fn (file:line:col)`, `    at file:line:col`, `    at async fn (file:///x.ts:1:2)`.
const FRAME = /^\s+at (?:(.*?) \()?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/** True for frames of contrail itself, its dependencies or Node. */
function isLibraryFile(file: string): boolean {
  return file.startsWith(LIBRARY_DIR) || file.includes(`${sep}node_modules${sep}`) || file.startsWith("node:") || !file.includes(sep);
}

/**
 * The frames of a formatted stack that lie in the user's code (not contrail's, not a
 * dependency's, not Node's), mapped to source positions, innermost first.
 */
export function userFrames(stack: string): UserFrame[] {
  const out: UserFrame[] = [];
  for (const line of stack.split("\n")) {
    if (line.includes(" (eval at ") || line.includes("<anonymous>")) continue;
    const m = FRAME.exec(line);
    if (!m?.[2] || !m[3] || !m[4]) continue;
    const file = m[2].startsWith("file://") ? fileURLToPath(m[2]) : m[2];
    if (isLibraryFile(file)) continue;
    const ran = { file, line: Number(m[3]), column: Number(m[4]) };
    const mapper = shared[MAPPER];
    const position = mapper ? mapper(ran) : ran;
    const name = m[1]?.replace(/^async /, "");
    out.push(name ? { ...position, name } : position);
  }
  return out;
}
