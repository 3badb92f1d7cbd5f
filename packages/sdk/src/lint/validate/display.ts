/**
 * Display (block `invalid display config:`): `background_image` must parse as a URL (Go's
 * `url.Parse`) with an http, https or empty scheme.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { goQuote } from "../../go/format.ts";
import { type Obj, obj, text } from "../values.ts";
import type { Report } from "./report.ts";

/** Go's `url.Parse` scheme extraction; an error message or the scheme. */
function goUrlScheme(raw: string): { scheme: string } | { error: string } {
  const fail = (reason: string) => ({ error: `parse ${goQuote(raw)}: ${reason}` });
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return { error: `parse ${goQuote(raw)}: net/url: invalid control character in URL` };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? "";
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ":") {
      if (i === 0) return fail("missing protocol scheme");
      return { scheme: raw.slice(0, i).toLowerCase() };
    }
    break;
  }
  const firstSegment = raw.split(/[/?#]/, 1)[0] ?? "";
  if (!raw.startsWith("/") && firstSegment.includes(":")) return fail("first path segment in URL cannot contain colon");
  return { scheme: "" };
}

/** Validates `display`, D1–D2. */
export function validateDisplay(config: Obj, report: Report): void {
  const display = obj(config.display);
  if (!display || display.background_image === undefined) return;
  const url = text(display.background_image);
  const parsed = goUrlScheme(url);
  const path = ["display", "background_image"];
  if ("error" in parsed)
    report.error("invalid-display", `background_image is not a valid URL: ${parsed.error}`, path, display, "background_image");
  else if (!["", "http", "https"].includes(parsed.scheme)) {
    report.error("invalid-display", "background_image scheme must be either http, https or relative", path, display, "background_image");
  }
}
