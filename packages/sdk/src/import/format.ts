/**
 * Lays out {@link Expr} trees the way Biome (the project's formatter, 140 columns, double
 * quotes) would, so that generated files pass `biome format` unchanged: a construct stays
 * on one line when it fits, else it breaks; calls whose last argument is an object, array
 * or arrow function "hug" it (`new Job("x", {` ... `})`); arrays of several multi-key
 * objects always break; a string that does not fit after `const x =` moves to the next line.
 */
import { deref, type Expr, SPREAD } from "./expr.ts";

/** Biome's line width in this project. */
export const LINE_WIDTH = 140;

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
/** Characters written as `\uXXXX` escapes in string literals. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;

const pad = (n: number): string => " ".repeat(n);

/** True when `name` can be written bare as a property key or after a dot. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

function escapeChars(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A string literal, with the quote needing fewer escapes (double on a tie), as Biome picks it. */
export function stringLiteral(value: string): string {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  const body = value
    .replace(/\\/g, "\\\\")
    .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  return quote + escapeChars(body) + quote;
}

/** The text of a template literal chunk. */
function templateChunk(text: string): string {
  return escapeChars(text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").replace(/\r/g, "\\r"));
}

/** A property key: bare when it is an identifier, else a string. */
export function propertyKey(key: string): string {
  return isIdentifierName(key) ? key : stringLiteral(key);
}

/** The text before a property's value: `key: `, or `...` for a spread. */
function propertyHead(key: string): string {
  return key === SPREAD ? "..." : `${propertyKey(key)}: `;
}

function isHuggable(e: Expr): boolean {
  return (e.k === "obj" && e.props.length > 0) || (e.k === "arr" && e.items.length > 0) || e.k === "arrow";
}

/** Arrays of two or more objects (or arrays) with more than one entry each always break. */
function mustBreak(e: Expr): boolean {
  if (e.k !== "arr" || e.items.length < 2) return false;
  const items = e.items.map(deref);
  return items.every((i) => i.k === "obj" && i.props.length > 1) || items.every((i) => i.k === "arr" && i.items.length > 1);
}

/** Flat texts already computed: printing asks for the flat form of each subtree many times. */
const FLAT = new WeakMap<Expr, string | null>();

/** The expression on one line, or undefined when it cannot be (a multi-line template, a block). */
export function flat(expr: Expr): string | undefined {
  const cached = FLAT.get(expr);
  if (cached !== undefined) return cached ?? undefined;
  const text = computeFlat(expr);
  FLAT.set(expr, text ?? null);
  return text;
}

function computeFlat(expr: Expr): string | undefined {
  const e = deref(expr);
  switch (e.k) {
    case "str":
      return e.v.includes("\n") ? undefined : stringLiteral(e.v);
    case "num":
      return Object.is(e.v, -0) ? "-0" : String(e.v);
    case "bool":
      return String(e.v);
    case "null":
      return "null";
    case "id":
      return e.name;
    case "member": {
      const object = flat(e.object);
      if (object === undefined) return undefined;
      return isIdentifierName(e.name) ? `${object}.${e.name}` : `${object}[${stringLiteral(e.name)}]`;
    }
    case "tpl": {
      let out = "`";
      for (const part of e.parts) {
        if (typeof part === "string") {
          if (part.includes("\n")) return undefined;
          out += templateChunk(part);
        } else {
          const inner = flat(part);
          if (inner === undefined) return undefined;
          out += `\${${inner}}`;
        }
      }
      return `${out}\``;
    }
    case "call": {
      const callee = flat(e.callee);
      const args = e.args.map(flat);
      if (callee === undefined || args.some((a) => a === undefined)) return undefined;
      return `${e.isNew ? "new " : ""}${callee}(${args.join(", ")})`;
    }
    case "obj": {
      if (e.props.length === 0) return "{}";
      const props = e.props.map(([k, v]) => {
        const value = flat(v);
        return value === undefined ? undefined : `${propertyHead(k)}${value}`;
      });
      return props.some((p) => p === undefined) ? undefined : `{ ${props.join(", ")} }`;
    }
    case "arr": {
      if (mustBreak(e)) return undefined;
      const items = e.items.map(flat);
      return items.some((i) => i === undefined) ? undefined : `[${items.join(", ")}]`;
    }
    case "arrow": {
      if (e.body.k === "block") return undefined;
      const body = flat(e.body);
      return body === undefined ? undefined : `${arrowHead(e)}${body}`;
    }
  }
  return undefined;
}

/** A template literal, multi-line allowed (its lines are never re-indented). */
function printTemplate(e: Expr): string {
  if (e.k === "str") return `\`${templateChunk(e.v)}\``;
  if (e.k !== "tpl") return "";
  return `\`${e.parts.map((p) => (typeof p === "string" ? templateChunk(p) : `\${${flat(p) ?? ""}}`)).join("")}\``;
}

/**
 * Prints `expr` starting at column `col` of a line indented by `indent`, with `tail`
 * characters to follow it on its last line.
 */
export function printExpr(expr: Expr, indent: number, col: number, tail: number): string {
  const e = deref(expr);
  const one = flat(e);
  if (one !== undefined && col + one.length + tail <= LINE_WIDTH) return one;
  switch (e.k) {
    case "str":
      return e.v.includes("\n") ? printTemplate(e) : (one ?? "");
    case "tpl":
      return printTemplate(e);
    case "obj":
    case "arr":
      return printBroken(e, indent);
    case "call":
      return printCall(e, indent, col, tail);
    case "arrow":
      return printArrow(e, indent, col, tail, false);
    case "member":
      return `${printExpr(e.object, indent, col, tail)}${isIdentifierName(e.name) ? `.${e.name}` : `[${stringLiteral(e.name)}]`}`;
    default:
      return one ?? "";
  }
}

/** An object or array with one entry per line. */
function printBroken(e: Expr, indent: number): string {
  const inner = indent + 2;
  if (e.k === "obj") {
    if (e.props.length === 0) return "{}";
    const lines = e.props.map(([k, v]) => {
      const key = propertyHead(k);
      const value = deref(v);
      const one = value.k === "str" ? flat(value) : undefined;
      // Biome moves a string that does not fit below a key longer than 4 characters.
      if (one !== undefined && key.length - 2 > 4 && inner + key.length + one.length + 1 > LINE_WIDTH) {
        return `${pad(inner)}${key.trimEnd()}\n${pad(inner + 2)}${one},`;
      }
      return `${pad(inner)}${key}${printExpr(v, inner, inner + key.length, 1)},`;
    });
    return `{\n${lines.join("\n")}\n${pad(indent)}}`;
  }
  if (e.k === "arr") {
    if (e.items.length === 0) return "[]";
    const lines = e.items.map((item) => `${pad(inner)}${printExpr(item, inner, inner, 1)},`);
    return `[\n${lines.join("\n")}\n${pad(indent)}]`;
  }
  return flat(e) ?? "";
}

/** `(a: Artifact, b: LocalVar) => `, or `() => `. */
function arrowHead(e: Extract<Expr, { k: "arrow" }>): string {
  return `(${(e.params ?? []).map((p) => `${p.name}: ${p.type}`).join(", ")}) => `;
}

function printArrow(e: Extract<Expr, { k: "arrow" }>, indent: number, col: number, tail: number, forceBreak: boolean): string {
  if (e.params !== undefined && e.body.k !== "block") {
    // A function with parameters (a step factory): Biome breaks after `=>` when the body
    // does not fit on the line, and indents the body.
    let head = arrowHead(e);
    let at = col;
    if (col + head.trimEnd().length > LINE_WIDTH) {
      // Parameters that do not fit go one per line, with a trailing comma.
      const params = (e.params ?? []).map((p) => `${pad(indent + 2)}${p.name}: ${p.type},`);
      head = `(\n${params.join("\n")}\n${pad(indent)}) => `;
      at = indent;
    }
    const headLine = head.slice(head.lastIndexOf("\n") + 1);
    const one = flat(e.body);
    if (one !== undefined && at + headLine.length + one.length + tail <= LINE_WIDTH) return head + one;
    return `${head.trimEnd()}\n${pad(indent + 2)}${printExpr(e.body, indent + 2, indent + 2, tail)}`;
  }
  if (e.body.k === "block") {
    const inner = indent + 2;
    const lines = e.body.consts.map(([name, init]) => `${pad(inner)}${printConst(name, init, inner)}`);
    lines.push(`${pad(inner)}return ${printExpr(e.body.ret, inner, inner + 7, 1)};`);
    return `() => {\n${lines.join("\n")}\n${pad(indent)}}`;
  }
  const body = deref(e.body);
  if (forceBreak && isHuggable(body)) return `() => ${printBroken(body, indent)}`;
  return `() => ${printExpr(body, indent, col + 6, tail)}`;
}

function printCall(e: Extract<Expr, { k: "call" }>, indent: number, col: number, tail: number): string {
  const callee = flat(e.callee) ?? "";
  const head = `${e.isNew ? "new " : ""}${callee}(`;
  if (e.args.length === 0) return `${head})`;
  const args = e.args.map(deref);
  const last = args[args.length - 1] as Expr;
  const others = args.slice(0, -1);
  const penultimate = others[others.length - 1];
  if (isHuggable(last) && !(penultimate !== undefined && penultimate.k === last.k)) {
    const othersFlat = others.map(flat);
    if (othersFlat.every((o) => o !== undefined)) {
      const line = head + othersFlat.map((o) => `${o}, `).join("");
      if (col + line.length + 1 <= LINE_WIDTH) {
        const hugged = last.k === "arrow" ? printArrow(last, indent, col + line.length, tail + 1, true) : printBroken(last, indent);
        return `${line}${hugged})`;
      }
    }
  }
  const inner = indent + 2;
  const lines = args.map((a) => `${pad(inner)}${printExpr(a, inner, inner, 1)},`);
  return `${head}\n${lines.join("\n")}\n${pad(indent)})`;
}

/** `const name = init;`, breaking after `=` for a string that does not fit. */
export function printConst(name: string, init: Expr, indent = 0): string {
  const prefix = `const ${name} = `;
  return `${prefix.trimEnd()}${printAssigned(init, indent, indent + prefix.length)};`;
}

/** `export const name = init;`, laid out like {@link printConst}. */
export function printExportConst(name: string, init: Expr): string {
  const prefix = `export const ${name} = `;
  return `${prefix.trimEnd()}${printAssigned(init, 0, prefix.length)};`;
}

/** `export default expr;`. */
export function printExportDefault(expr: Expr): string {
  return `export default ${printExpr(expr, 0, 15, 1)};`;
}

function printAssigned(init: Expr, indent: number, col: number): string {
  const e = deref(init);
  const one = flat(e);
  if (one !== undefined && col + one.length + 1 <= LINE_WIDTH) return ` ${one}`;
  if (e.k === "str" && one !== undefined) return `\n${pad(indent + 2)}${one}`;
  return ` ${printExpr(e, indent, col, 1)}`;
}

/** `import { a, b } from "module";`, one name per line when it does not fit. */
export function printImport(names: readonly string[], from: string): string {
  const one = `import { ${names.join(", ")} } from ${stringLiteral(from)};`;
  if (one.length <= LINE_WIDTH) return one;
  return `import {\n${names.map((n) => `  ${n},`).join("\n")}\n} from ${stringLiteral(from)};`;
}
