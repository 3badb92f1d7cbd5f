/**
 * `--format github`: GitHub Actions workflow commands (`::error file=F,line=L,col=C,title=T::M`),
 * escaped as the Actions toolkit does.
 *
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 * @see https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

/** Escapes a command's message: `%`, `\r`, `\n`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Formats diagnostics as workflow commands, one a line. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props: string[] = [];
      if (d.file) props.push(`file=${escapeProperty(d.file)}`);
      if (d.line) props.push(`line=${d.line}`);
      if (d.column) props.push(`col=${d.column}`);
      props.push(`title=${escapeProperty(d.code)}`);
      const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${level} ${props.join(",")}::${escapeData(message)}\n`;
    })
    .join("");
}
