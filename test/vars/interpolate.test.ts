/**
 * fly's var flags and template pass, as a library: how -v, -y, -i and -l values are read and
 * layered (precedence, dotted and quoted names, YAML 1.1 in vars files), and what the
 * interpolation does to a pipeline (whole values typed, embedding, keys, fly's error texts,
 * vars left for the credential manager).
 */
import { describe, expect, it } from "vitest";
import { lintYaml } from "../../packages/sdk/src/lint/index.ts";
import { interpolateVars } from "../../packages/sdk/src/vars/interpolate.ts";
import { formatVarReference, parseVarReference } from "../../packages/sdk/src/vars/reference.ts";
import { loadVarSources, lookupVar, type VarFlags } from "../../packages/sdk/src/vars/sources.ts";
import { parseYaml } from "../../packages/sdk/src/yaml/parse.ts";
import type { YNode } from "../../packages/sdk/src/yaml/ynode.ts";

/** Reads flags, with vars files from `files`. */
function load(flags: VarFlags, files: Record<string, string> = {}) {
  return loadVarSources(flags, (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return text;
  });
}

/** The plain value of a var, as fly would fill it in. */
function value(flags: VarFlags, name: string, files: Record<string, string> = {}): unknown {
  const { sources, problems } = load(flags, files);
  expect(problems).toEqual([]);
  const ref = parseVarReference(name);
  if ("error" in ref) throw new Error(ref.error);
  const found = lookupVar(sources, ref);
  if (!found.found) return found.error === undefined ? "<not given>" : `error: ${found.error}`;
  const plain = (v: typeof found.value): unknown =>
    v.kind === "scalar"
      ? v.value
      : v.kind === "seq"
        ? v.items.map(plain)
        : Object.fromEntries([...v.entries].map(([k, x]) => [k, plain(x)]));
  return plain(found.value);
}

/** Interpolates `text` and returns the resulting tree as plain values, or the problems. */
function interpolate(text: string, flags: VarFlags, files: Record<string, string> = {}): unknown {
  const { sources } = load(flags, files);
  const result = interpolateVars(parseYaml(text).root, sources);
  if (result.problems.length > 0) return result.problems.map((p) => p.message);
  const plain = (n: YNode | undefined): unknown =>
    n === undefined
      ? undefined
      : n.kind === "scalar"
        ? n.value
        : n.kind === "seq"
          ? n.items.map(plain)
          : Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
  return plain(result.root);
}

describe("var references", () => {
  it("splits sources, dotted fields and quoted segments as vars.ParseReference does", () => {
    expect(parseVarReference("a")).toEqual({ source: undefined, path: "a", fields: [] });
    expect(parseVarReference("vault:creds.user")).toEqual({ source: "vault", path: "creds", fields: ["user"] });
    expect(parseVarReference('"a.b".c')).toEqual({ source: undefined, path: "a.b", fields: ["c"] });
    expect(parseVarReference('("github.com".key')).toEqual({ source: undefined, path: "(github.com", fields: ["key"] });
    expect(parseVarReference("a..b")).toEqual({ error: "invalid var 'a..b': empty field" });
    expect(parseVarReference('"v":x')).toEqual({ error: `invalid var '"v":x': source must not be quoted` });
    expect(formatVarReference({ source: undefined, path: "a.b", fields: ["c"] })).toBe('"a.b".c');
  });
});

describe("fly's var flags", () => {
  it("-v gives a string, whatever it looks like", () => {
    expect(value({ vars: ["x=true"] }, "x")).toBe("true");
    expect(value({ vars: ["x=8080"] }, "x")).toBe("8080");
    expect(value({ vars: ["x=a=b"] }, "x")).toBe("a=b");
  });

  it("-y reads YAML 1.1: yes is a bool, 0755 an octal int, a flow map a map", () => {
    expect(value({ yamlVars: ["x=yes"] }, "x")).toBe(true);
    expect(value({ yamlVars: ["x=0755"] }, "x")).toBe(493);
    expect(value({ yamlVars: ["x={a: 1, b: [on]}"] }, "x")).toEqual({ a: 1, b: [true] });
    expect(value({ yamlVars: ["x="] }, "x")).toBe(null);
  });

  it("-i is a YAML var too", () => {
    expect(value({ instanceVars: ["branch=main"] }, "branch")).toBe("main");
    expect(value({ instanceVars: ["n=3"] }, "n")).toBe(3);
  });

  it("-l reads a YAML 1.1 mapping: on, yes and 0755 are not strings", () => {
    const files = { "vars.yml": "flag: on\nanswer: yes\nmode: 0755\nquoted: 'on'\n" };
    expect(value({ files: ["vars.yml"] }, "flag", files)).toBe(true);
    expect(value({ files: ["vars.yml"] }, "answer", files)).toBe(true);
    expect(value({ files: ["vars.yml"] }, "mode", files)).toBe(493);
    expect(value({ files: ["vars.yml"] }, "quoted", files)).toBe("on");
    // A key is YAML 1.1 too: `y:` is the key "true", so ((y)) is not given.
    expect(value({ files: ["y.yml"] }, "y", { "y.yml": "y: 1\n" })).toBe("<not given>");
    expect(value({ files: ["y.yml"] }, "true", { "y.yml": "y: 1\n" })).toBe(1);
  });

  it("takes dotted and quoted names", () => {
    expect(value({ vars: ["foo.bar=x"] }, "foo")).toEqual({ bar: "x" });
    expect(value({ vars: ['"a.b".c=x'] }, '"a.b"')).toEqual({ c: "x" });
    expect(value({ vars: ["a.b=1", "a.c=2"] }, "a")).toEqual({ b: "1", c: "2" });
  });

  it("precedence: flags over files, later files over earlier ones, -y after -v, -i last", () => {
    const files = { "a.yml": "x: from-a\nz: from-a\n", "b.yml": "x: from-b\n" };
    expect(value({ files: ["a.yml", "b.yml"] }, "x", files)).toBe("from-b");
    expect(value({ files: ["b.yml", "a.yml"] }, "x", files)).toBe("from-a");
    expect(value({ files: ["a.yml", "b.yml"] }, "z", files)).toBe("from-a");
    expect(value({ vars: ["x=flag"], files: ["a.yml", "b.yml"] }, "x", files)).toBe("flag");
    // fly applies all -v, then all -y, then -i, whatever the order on the command line.
    expect(value({ vars: ["x=from-v"], yamlVars: ["x=from-y"] }, "x")).toBe("from-y");
    expect(value({ vars: ["x=from-v"], yamlVars: ["x=from-y"], instanceVars: ["x=from-i"] }, "x")).toBe("from-i");
    // (and `-y x=y` would be the bool true: y is YAML 1.1's yes)
    expect(value({ yamlVars: ["x=y"] }, "x")).toBe(true);
    expect(value({ vars: ["x=first", "x=second"] }, "x")).toBe("second");
    // A later flag on a field replaces only that field; on the whole var, all of it.
    expect(value({ yamlVars: ["a={b: 1, c: 2}"], vars: ["a.b=x"] }, "a")).toEqual({ b: 1, c: 2 });
    expect(value({ vars: ["a.b=x"], yamlVars: ["a={c: 2}"] }, "a")).toEqual({ c: 2 });
    expect(value({ yamlVars: ["a={b: 1, c: 2}"], instanceVars: ["a.b=9"] }, "a")).toEqual({ b: 9, c: 2 });
  });

  it("a var found in one layer is not looked for in the next, even when a field is missing", () => {
    const files = { "a.yml": "creds: {user: me, pass: secret}\n" };
    expect(value({ yamlVars: ["creds={user: you}"], files: ["a.yml"] }, "creds.pass", files)).toBe(
      "error: missing field 'pass' in var: creds.pass",
    );
    expect(value({ vars: ["creds=text"] }, "creds.user")).toBe(
      "error: cannot access field 'user' of non-map value ('string') from var: creds.user",
    );
    expect(value({}, "absent")).toBe("<not given>");
  });

  it("reports malformed flags and files without echoing values", () => {
    const { problems } = load(
      { vars: ["secret-without-name"], yamlVars: ["x={a"], files: ["gone.yml", "list.yml"] },
      { "list.yml": "- a\n" },
    );
    expect(problems.map((p) => p.message)).toEqual([
      "invalid variable pair given to -v (must be name=value)",
      expect.stringMatching(/^-y x: yaml: /),
      "could not read template variables file (gone.yml): no such file",
      "could not unmarshal template variables (list.yml): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type vars.StaticVariables",
    ]);
    expect(problems.map((p) => p.message).join("\n")).not.toContain("secret-without-name");
  });
});

describe("the template pass", () => {
  it("replaces a whole value with the typed value: a map, a bool, a number", () => {
    expect(interpolate("a: ((m))\nb: ((t))\nc: ((n))\n", { yamlVars: ["m={k: v}", "t=true", "n=3"] })).toEqual({
      a: { k: "v" },
      b: true,
      c: 3,
    });
  });

  it("embeds strings and -y numbers, and refuses floats from files, bools and maps", () => {
    expect(interpolate("a: x-((s))-((n))\n", { vars: ["s=str"], yamlVars: ["n=8080"] })).toEqual({ a: "x-str-8080" });
    expect(interpolate("a: x-((port))\n", { files: ["v.yml"] }, { "v.yml": "port: 8080\n" })).toEqual([
      "cannot interpolate non-primitive value (float64) from var: port",
    ]);
    expect(interpolate("a: x-((b))\n", { yamlVars: ["b=true"] })).toEqual(["cannot interpolate non-primitive value (bool) from var: b"]);
    expect(interpolate("a: x-((m))\n", { yamlVars: ["m={k: v}"] })).toEqual([
      "cannot interpolate non-primitive value (map[string]interface {}) from var: m",
    ]);
  });

  it("interpolates keys, and fields of vars", () => {
    expect(interpolate("((k)): 1\nx: ((c.user))\n", { vars: ["k=key", "c.user=me"] })).toEqual({ key: 1, x: "me" });
  });

  it("leaves vars not given, vars with a source and local vars for later", () => {
    const text = "a: ((not-given))\nb: ((vault:x))\nc: ((.:local))\nd: pre-((x))\n";
    expect(interpolate(text, { vars: ["x=given"] })).toEqual({
      a: "((not-given))",
      b: "((vault:x))",
      c: "((.:local))",
      d: "pre-given",
    });
  });

  it("does not see `(( x ))` with spaces as a var", () => {
    expect(interpolate("a: (( x ))\n", { vars: ["x=1"] })).toEqual({ a: "(( x ))" });
  });

  it("keeps positions: a problem in a filled-in value points at the ((var)) in the file", () => {
    const text = "jobs:\n- name: j\n  plan:\n  - get: r\n    trigger: ((t))\nresources:\n- name: r\n  type: git\n  source: {uri: x}\n";
    const { sources } = load({ vars: ["t=true"] });
    const decode = lintYaml(text, { vars: sources }).diagnostics.find((d) => d.code === "decode-error");
    expect(decode).toMatchObject({ line: 5, column: 14, path: "jobs.j.plan[0].trigger" });
    const { sources: typed } = load({ yamlVars: ["t=true"] });
    expect(lintYaml(text, { vars: typed }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
