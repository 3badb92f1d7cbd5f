/**
 * `sdk schema`: prints the JSON Schema of a pipeline, for yaml-language-server and friends.
 */
import { pipelineJsonSchema } from "../../model/json-schema.ts";
import { parseCommandArgs } from "../args.ts";
import { type Command, ExitCode, UsageError } from "../command.ts";

/** `sdk schema [-o FILE]`. */
export const schemaCommand: Command = {
  name: "schema",
  summary: "Print the JSON Schema of a pipeline",
  usage: `Usage: sdk schema [-o FILE]

Prints the JSON Schema (draft 2020-12) of a Concourse pipeline as contrail models it.
Point yaml-language-server at it for completion and checks in editors:
  # yaml-language-server: $schema=./pipeline.schema.json
and set yaml.yamlVersion to 1.1 (Concourse reads YAML 1.1).

Options:
  -o, --output FILE  write to FILE instead of stdout
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("schema", args, { output: { type: "string", short: "o" } });
    if (positionals.length > 0) throw new UsageError(`sdk schema: unexpected argument '${positionals[0]}'`);
    const text = `${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`;
    if (values.output) io.writeFile(values.output, text);
    else io.stdout(text);
    return ExitCode.ok;
  },
};
