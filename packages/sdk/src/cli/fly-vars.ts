/**
 * Vars for fly as a vars file: `sdk set -v NAME=VALUE -y NAME=YAML` reach fly as one
 * private `-l FILE` (see {@link withPrivateFiles}) instead of on its command line, where
 * every local user could read them in `ps`.
 *
 * fly gives command-line vars precedence over vars files, and among files the later one
 * wins, so this file is passed last: it wins over the user's `-l` files as the flags would.
 *
 * @see https://github.com/concourse/concourse/blob/master/fly/commands/internal/templatehelpers/yaml_template.go
 * @see https://concourse-ci.org/vars.html#static-vars
 */

/** A var's value: YAML text, or a nested field (`-v repo.token=...` sets field `token` of `repo`). */
type VarTree = Map<string, string | VarTree>;

/**
 * The YAML of a vars file holding `-v` (string) and `-y` (YAML) vars; later ones win, as in
 * fly's map. Returns undefined when there are none.
 */
export function varsFileText(stringVars: readonly string[], yamlVars: readonly string[]): string | undefined {
  const root: VarTree = new Map();
  const put = (assignment: string, yaml: (value: string) => string): void => {
    const eq = assignment.indexOf("=");
    const path = assignment.slice(0, eq).split(".");
    let tree = root;
    for (const segment of path.slice(0, -1)) {
      const next = tree.get(segment);
      if (next instanceof Map) tree = next;
      else {
        const fresh: VarTree = new Map();
        tree.set(segment, fresh);
        tree = fresh;
      }
    }
    tree.set(path[path.length - 1] as string, yaml(assignment.slice(eq + 1)));
  };
  // A JSON string is a YAML double-quoted string: the value stays a string, byte for byte.
  for (const v of stringVars) put(v, (value) => ` ${JSON.stringify(value)}`);
  // Indented under its key, YAML text means what it means on its own (scalar, list or map).
  for (const v of yamlVars) put(v, (value) => `\n${indent(value === "" ? "null" : value, "  ")}`);
  return root.size === 0 ? undefined : emit(root, "");
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");
}

function emit(tree: VarTree, prefix: string): string {
  let out = "";
  for (const [key, value] of tree) {
    const name = JSON.stringify(key);
    if (value instanceof Map) out += `${prefix}${name}:\n${emit(value, `${prefix}  `)}`;
    else out += `${prefix}${name}:${prefix === "" ? value : value.replace(/\n/g, `\n${prefix}`)}\n`;
  }
  return out;
}
