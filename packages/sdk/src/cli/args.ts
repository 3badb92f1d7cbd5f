/**
 * Flag parsing on top of `node:util` `parseArgs`, turning its errors into usage errors.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./command.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The value type of one declared flag: string or boolean, a list when `multiple`. */
type FlagValue<O> = O extends { type: "boolean" }
  ? O extends { multiple: true }
    ? boolean[]
    : boolean
  : O extends { multiple: true }
    ? string[]
    : string;

/** What {@link parseCommandArgs} returns: the flags given, and the other arguments. */
export interface ParsedArgs<O extends Options> {
  readonly values: { [K in keyof O]?: FlagValue<O[K]> };
  readonly positionals: string[];
}

/** Parses a command's flags strictly; unknown flags are usage errors. */
export function parseCommandArgs<const O extends Options>(command: string, args: readonly string[], options: O): ParsedArgs<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as unknown as ParsedArgs<O>;
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, "") : String(error);
    throw new UsageError(`sdk ${command}: ${message}`);
  }
}
