/**
 * Display (block `invalid display config:`): `background_image` must parse as a URL (Go's
 * `url.Parse`) with an http, https or empty scheme. The message names the value as written.
 *
 * @see https://github.com/concourse/concourse/blob/95872ce1a3af6fc0c4ab7f23658ec81f3e778d7c/atc/configvalidate/validate.go
 */
import { type Obj, obj, text } from "../values.ts";
import type { Report } from "./report.ts";

/**
 * Go's `url.Parse` scheme extraction: the scheme, or undefined where it fails (a control
 * character, "missing protocol scheme", "first path segment in URL cannot contain colon").
 */
function goUrlScheme(raw: string): string | undefined {
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? "";
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ":") {
      if (i === 0) return undefined;
      return raw.slice(0, i).toLowerCase();
    }
    break;
  }
  const firstSegment = raw.split(/[/?#]/, 1)[0] ?? "";
  if (!raw.startsWith("/") && firstSegment.includes(":")) return undefined;
  return "";
}

/** Validates `display`, D1–D2. */
export function validateDisplay(config: Obj, report: Report): void {
  const display = obj(config.display);
  if (!display || display.background_image === undefined) return;
  const url = text(display.background_image);
  const scheme = goUrlScheme(url);
  const path = ["display", "background_image"];
  if (scheme === undefined)
    // Concourse prints the value, not url.Parse's error: `fmt.Errorf("background_image is not a
    // valid URL: %s", c.Display.BackgroundImage)` (validateDisplay in atc/configvalidate/validate.go).
    report.error("invalid-display", `background_image is not a valid URL: ${url}`, path, display, "background_image");
  else if (!["", "http", "https"].includes(scheme)) {
    report.error("invalid-display", "background_image scheme must be either http, https or relative", path, display, "background_image");
  }
}
