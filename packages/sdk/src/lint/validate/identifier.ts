/**
 * Concourse's identifier rules (`ValidateIdentifier`): an empty name is an error, anything
 * else that breaks the pattern is a warning.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configwarning.go
 * @see https://concourse-ci.org/config-basics.html#schema.identifier
 */

import { type ConcourseVersion, supports } from "../concourse-version.ts";

const VALID = /^[\p{Ll}\p{Lt}\p{Lm}\p{Lo}0-9][\p{Ll}\p{Lt}\p{Lm}\p{Lo}0-9\-_.]*$/u;
const VALID_START = /^[\p{Ll}\p{Lt}\p{Lm}\p{Lo}0-9]/u;
const INVALID_CHAR = /[^\p{Ll}\p{Lt}\p{Lm}\p{Lo}0-9\-_.]/u;
const JUST_NUMBERS = /^[0-9]+$/;

/** What the identifier check found: at most one of the two. */
export interface IdentifierResult {
  /** `CTX: identifier cannot be an empty string`. */
  readonly error?: string;
  /** `CTX: 'NAME' is not a valid identifier: REASON`. */
  readonly warning?: string;
}

/** Before v7.14 an identifier had to start with a letter (v7.11 `atc/configwarning.go`). */
const VALID_V7 = /^[\p{Ll}\p{Lt}\p{Lm}\p{Lo}][\p{Ll}\p{Lt}\p{Lm}\p{Lo}0-9\-_.]*$/u;
const STARTS_WITH_LETTER = /^[\p{Ll}\p{Lt}\p{Lm}\p{Lo}]/u;

/**
 * Checks `name` in the context `context` (`jobs.build`, `groups[0]`...), with the rule of
 * `version` (the newest when undefined). The context may be given as a function: it is
 * needed only for a message, and the step validator's is a join of its nesting, for every
 * name of every step.
 */
export function validateIdentifier(name: string, context: string | (() => string), version?: ConcourseVersion): IdentifierResult {
  const where = () => (typeof context === "string" ? context : context());
  if (name === "") return { error: `${where()}: identifier cannot be an empty string` };
  let reason: string | undefined;
  if (!supports(version, "identifierLeadingDigit")) {
    if (!VALID_V7.test(name)) {
      reason = !STARTS_WITH_LETTER.test(name)
        ? "must start with a lowercase letter"
        : `illegal character '${INVALID_CHAR.exec(name.slice(1))?.[0] ?? ""}'`;
    }
  } else if (JUST_NUMBERS.test(name)) reason = "cannot be just numbers";
  else if (!VALID.test(name)) {
    if (!VALID_START.test(name)) reason = "must start with a lowercase letter or a number";
    else reason = `illegal character '${INVALID_CHAR.exec(name)?.[0] ?? ""}'`;
  }
  return reason ? { warning: `${where()}: '${name}' is not a valid identifier: ${reason}` } : {};
}

/** The fly hint printed after identifier warnings. */
export const IDENTIFIER_HINT = "identifier schema documentation: https://concourse-ci.org/config-basics.html#schema.identifier";
