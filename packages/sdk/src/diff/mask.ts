/**
 * `sdk diff` shows that a credential changed, never its value (old or new): the values of
 * credential keys (see {@link isCredentialKey}) and the credentials in URIs' userinfo are
 * replaced on both sides, by `<hidden>` where they are the same and by `<changed>` on the
 * new side where they differ. Concourse stores the values of `set -v` vars too, so the
 * current side holds secrets even when the pipeline file only has `((vars))`.
 */
import { CHANGED, HIDDEN, isCredentialKey, maskUriCredentials, uriCredential } from "../diagnostics/secrets.ts";
import { isMapping, type Mapping, type Value } from "./read.ts";

export { CHANGED };

function isVarRef(value: Value | undefined): boolean {
  return typeof value === "string" && /^\(\([^()]*\)\)$/.test(value.trim());
}

/** A credential value as shown: `((vars))` stay, everything else is hidden. */
function hideValue(value: Value | undefined, other: Value | undefined, side: "before" | "after"): Value | undefined {
  if (value === undefined || value === null || isVarRef(value)) return value;
  if (side === "after" && JSON.stringify(value) !== JSON.stringify(other)) return CHANGED;
  return HIDDEN;
}

function maskString(value: string, other: Value | undefined, side: "before" | "after"): string {
  if (uriCredential(value) === undefined) return value;
  const same = typeof other === "string" && uriCredential(other) === uriCredential(value);
  return maskUriCredentials(value, side === "after" && !same ? CHANGED : HIDDEN);
}

function maskSide(value: Value | undefined, other: Value | undefined, side: "before" | "after"): Value | undefined {
  if (typeof value === "string") return maskString(value, other, side);
  if (Array.isArray(value)) {
    const others = Array.isArray(other) ? other : [];
    return value.map((item: Value, i: number) => maskSide(item, others[i], side) ?? null);
  }
  if (!isMapping(value)) return value;
  const otherMap: Mapping = isMapping(other) ? other : {};
  const out: Record<string, Value> = {};
  for (const [key, item] of Object.entries(value)) {
    const masked =
      isCredentialKey(key) && !isMapping(item) && !Array.isArray(item)
        ? hideValue(item, otherMap[key], side)
        : maskSide(item, otherMap[key], side);
    out[key] = masked ?? null;
  }
  return out;
}

/** Both sides of a change with their credentials masked (see the module comment). */
export function maskCredentials(before: Value, after: Value): { before: Value; after: Value } {
  return { before: maskSide(before, after, "before") ?? null, after: maskSide(after, before, "after") ?? null };
}
