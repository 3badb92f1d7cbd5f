/**
 * What user code threw, read without trusting it. A pipeline.ts may throw anything: `null`,
 * a symbol, an object without a prototype (no `toString`), one whose `toString` or `message`
 * getter throws, a Proxy whose every trap throws. Reading such a value the ordinary way
 * (`String(error)`, `error instanceof Error`, `error.message`) throws again, out of the very
 * code that reports the first throw, and the user gets "internal error" instead of their
 * own mistake. Each read here is guarded, and falls back to a description of the value.
 */

/** A thrown value as contrail reports it. */
export interface Thrown {
  /** True when it is an Error (its prototype chain says so). */
  readonly isError: boolean;
  /** The Error's name (`TypeError`), or "" for other values. */
  readonly name: string;
  /** The Error's message, or the value shown as text. */
  readonly message: string;
  /** The Error's stack, or "". */
  readonly stack: string;
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function stringProperty(value: object, key: "name" | "message" | "stack"): string | undefined {
  return attempt(() => {
    const read: unknown = (value as Record<string, unknown>)[key];
    return typeof read === "string" ? read : undefined;
  }, undefined);
}

/** `value` as text: `String(value)` when that works, else what kind of value it is. */
function shown(value: unknown): string {
  const text = attempt(() => String(value), undefined);
  if (text !== undefined) return text;
  const tag = attempt(() => Object.prototype.toString.call(value), "[object]");
  return `${tag} (a value that cannot be shown as text)`;
}

/** Reads what was thrown; never throws. */
export function readThrown(value: unknown): Thrown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) {
    return { isError: false, name: "", message: shown(value), stack: "" };
  }
  const isError = attempt(() => value instanceof Error, false);
  const message = stringProperty(value, "message");
  if (!isError) return { isError, name: "", message: message ?? shown(value), stack: "" };
  return {
    isError,
    name: stringProperty(value, "name") ?? "Error",
    message: message ?? "",
    stack: stringProperty(value, "stack") ?? "",
  };
}

/** `value instanceof type`, false when asking throws (a Proxy's `getPrototypeOf` trap). */
// biome-ignore lint/suspicious/noExplicitAny: any class, as `instanceof` takes
export function isInstance<T>(value: unknown, type: abstract new (...args: any[]) => T): value is T {
  return attempt(() => value instanceof type, false);
}
