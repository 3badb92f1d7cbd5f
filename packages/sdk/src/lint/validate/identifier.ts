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
 * What is wrong with `name` as an identifier under the rule of `version` (the newest when
 * undefined): `empty`, a reason (`must start with a lowercase letter`), or undefined when
 * it is valid. Needs no context: the step validator's is a join of its nesting, built only
 * for a message.
 */
export function identifierProblem(name: string, version?: ConcourseVersion): string | undefined {
  if (name === "") return EMPTY;
  if (!supports(version, "identifierLeadingDigit")) {
    if (VALID_V7.test(name)) return undefined;
    return !STARTS_WITH_LETTER.test(name)
      ? "must start with a lowercase letter"
      : `illegal character '${INVALID_CHAR.exec(name.slice(1))?.[0] ?? ""}'`;
  }
  if (JUST_NUMBERS.test(name)) return "cannot be just numbers";
  if (VALID.test(name)) return undefined;
  if (!VALID_START.test(name)) return "must start with a lowercase letter or a number";
  return `illegal character '${INVALID_CHAR.exec(name)?.[0] ?? ""}'`;
}

const EMPTY = "empty";

/**
 * Checks `name` in the context `context` (`jobs.build`, `groups[0]`...), with the rule of
 * `version` (the newest when undefined).
 */
export function validateIdentifier(name: string, context: string, version?: ConcourseVersion): IdentifierResult {
  return identifierResult(name, context, identifierProblem(name, version));
}

/** The messages for `problem` (from {@link identifierProblem}) of `name` in `context`. */
export function identifierResult(name: string, context: string, problem: string | undefined): IdentifierResult {
  if (problem === undefined) return {};
  if (problem === EMPTY && name === "") return { error: `${context}: identifier cannot be an empty string` };
  return { warning: `${context}: '${name}' is not a valid identifier: ${problem}` };
}

/** The fly hint printed after identifier warnings. */
export const IDENTIFIER_HINT = "identifier schema documentation: https://concourse-ci.org/config-basics.html#schema.identifier";
