/**
 * What counts as a credential, for the `plaintext-credential` rule and for every output that
 * must not print one (code frames, messages, `sdk diff`): the value of a key named like a
 * secret, and the userinfo of a URI (`https://bob:ghp_...@github.com/x.git`).
 *
 * @see https://concourse-ci.org/creds.html
 */

const SECRET_KEY = /(password|passwd|passphrase|private_key|secret|token|access_key|api_key)/i;
const NOT_SECRET = /(_file|_path|_name|_url|_uri|_type|_ttl)$/i;

/** True for a key whose value is a credential (`password`, `private_key`, `github_token`...). */
export function isCredentialKey(key: string): boolean {
  return SECRET_KEY.test(key) && !NOT_SECRET.test(key);
}

// scheme://user:password@ or scheme://token@ (the password, or a lone user part, is the secret).
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(:[^\s/?#@]*)?@/gi;

/** The credential in a URI's userinfo (`bob:ghp_...` gives `ghp_...`), if it has one. */
export function uriCredential(value: string): string | undefined {
  // Most strings are neither: two searches are cheaper than the expression's scan.
  if (!value.includes("@") || !value.includes("://")) return undefined;
  USERINFO.lastIndex = 0;
  for (let m = USERINFO.exec(value); m; m = USERINFO.exec(value)) {
    const password = m[3]?.slice(1);
    if (password) return password.includes("((") ? undefined : password;
    // `https://TOKEN@host`: a user name that long is a token, not a person.
    if (m[2] && m[2].length >= 20 && !m[2].includes("((")) return m[2];
  }
  return undefined;
}

/** The placeholder shown instead of a credential. */
export const HIDDEN = "<hidden>";

/** Shown on the new side of a diff for a credential that is new or differs from the old one. */
export const CHANGED = "<changed>";

/** `value` with the credentials in its URIs' userinfo replaced by `mask`. */
export function maskUriCredentials(value: string, mask: string = HIDDEN): string {
  return value.replace(USERINFO, (whole, scheme: string, user: string, password: string | undefined) => {
    if (password && password.length > 1 && !password.includes("((")) return `${scheme}${user}:${mask}@`;
    if (!password && user.length >= 20 && !user.includes("((")) return `${scheme}${mask}@`;
    return whole;
  });
}

// `key: value` on one YAML line, with the key (maybe quoted, maybe after `- `) and the value.
const YAML_PAIR = /^(\s*(?:-\s+)*)(["']?)([^"':#]+)\2(\s*:\s+)(.*)$/;

/**
 * One line of YAML source as a code frame may show it: the value of a credential key, the
 * value on a line flagged as a credential (`flagged`), and userinfo in URIs are masked.
 */
export function maskYamlLine(line: string, flagged = false): string {
  const m = YAML_PAIR.exec(line);
  if (m) {
    const [, lead = "", quote = "", key = "", sep = "", value = ""] = m;
    const uri = maskUriCredentials(value);
    // A flagged URI keeps what is not secret: `https://bob:<hidden>@github.com/x.git`.
    if (flagged && uri !== value) return `${lead}${quote}${key}${quote}${sep}${uri}`;
    const isSecret = flagged || isCredentialKey(key.trim());
    if (isSecret && value.trim() !== "" && !value.trim().startsWith("((") && !/^[|>]/.test(value.trim())) {
      return `${lead}${quote}${key}${quote}${sep}${HIDDEN}`;
    }
  }
  return maskUriCredentials(line.replace(INLINE_PAIR, maskInlinePair));
}

// `key: value` inside a flow mapping (`{repository: alpine, password: x}`).
const INLINE_PAIR = /(["']?)([\w.-]+)\1(\s*:\s+)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s,{}[\]#][^,{}[\]#]*)/g;

function maskInlinePair(whole: string, quote: string, key: string, sep: string, value: string): string {
  if (!isCredentialKey(key) || value.trim().startsWith("((") || /^[|>]/.test(value.trim())) return whole;
  return `${quote}${key}${quote}${sep}${HIDDEN}`;
}

/** How far above a line to look for the `key: |` whose block scalar holds it. */
const BLOCK_LOOKBACK = 200;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** True when line `n` (1-based) is inside a block scalar (`key: |`) of a credential key. */
function inCredentialBlock(lines: readonly string[], n: number): boolean {
  const line = lines[n - 1] ?? "";
  if (line.trim() === "") return false;
  const indent = indentOf(line);
  for (let k = n - 1; k >= 1 && k >= n - BLOCK_LOOKBACK; k--) {
    const above = lines[k - 1] ?? "";
    if (above.trim() === "" || indentOf(above) >= indent) continue;
    const m = /^\s*(?:-\s+)*["']?([^"':#]+)["']?\s*:\s*[|>][-+0-9]*\s*$/.exec(above);
    return m !== null && isCredentialKey((m[1] ?? "").trim());
  }
  return false;
}

/**
 * Line `n` (1-based) of YAML source `lines` as any output may show it: {@link maskYamlLine},
 * and the lines of a credential's block scalar (`private_key: |`) hidden whole.
 */
export function maskYamlSourceLine(lines: readonly string[], n: number, flagged = false): string {
  const raw = lines[n - 1] ?? "";
  return inCredentialBlock(lines, n) ? `${" ".repeat(indentOf(raw))}${HIDDEN}` : maskYamlLine(raw, flagged);
}
