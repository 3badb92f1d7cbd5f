/**
 * Go's ways of printing values, so that messages match Concourse's byte for byte:
 * `%q`/`%#v` quoting, `%v` of decoded JSON values, float formatting.
 */

/** Go's strconv.Quote for the common cases (ASCII escapes, otherwise the rune as-is). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Go's `strconv.FormatFloat(v, 'g', -1, bits)`: the shortest digits that read back as the
 * same float, in exponent form (`1e+06`) when the exponent is below -4 or at least 6.
 */
export function goFormatFloat(value: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const v = bits === 32 ? Math.fround(value) : value;
  const exp = (bits === 32 ? shortest32(v) : v.toExponential()).split("e");
  const mantissa = exp[0] ?? "0";
  const e = Number(exp[1] ?? "0");
  if (e < -4 || e >= 6) return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  const neg = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  let out: string;
  if (e < 0) out = `0.${"0".repeat(-e - 1)}${digits}`;
  else if (digits.length <= e + 1) out = digits + "0".repeat(e + 1 - digits.length);
  else out = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return neg ? `-${out}` : out;
}

/** The shortest exponent form that reads back as the same float32. */
function shortest32(v: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = v.toExponential(p - 1);
    if (Math.fround(Number(s)) === v) return s;
  }
  return v.toExponential();
}

/** Go's `%v` of a value decoded from JSON into `interface{}` (float64, string, bool, map, slice, nil). */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "number") return goFormatFloat(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(goValue).join(" ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${goValue(v)}`).join(" ")}]`;
  }
  return String(value);
}

/** Go's `%T` of a value decoded from YAML/JSON into `interface{}`. */
export function goTypeOf(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "float64";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "[]interface {}";
  return "map[string]interface {}";
}
