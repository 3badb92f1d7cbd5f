/**
 * The graph as a Mermaid flowchart (`flowchart LR`), for Markdown that renders Mermaid
 * (GitHub, GitLab...). Jobs are boxes, resources rounded boxes, junctions small circles; `-->` for triggering and
 * put edges, `-.->` for non-triggering gets.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html
 */
import type { PipelineGraph } from "./model.ts";
import { PALETTE } from "./style.ts";

/**
 * Escapes a label for a quoted Mermaid string: quotes, markup (`<script>`), `#` itself (it
 * starts an entity), backticks (Markdown strings), newlines and every control or bidi
 * character become numeric entities (`#60;`), which Mermaid shows as the character.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
function label(text: string): string {
  return `"${text.replace(UNSAFE_IN_LABEL, (c) => `#${c.codePointAt(0)};`)}"`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_IN_LABEL = /[#"'<>&`\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Renders the Mermaid text; node ids are `n0`, `n1`... in the graph's order. */
export function toMermaid(graph: PipelineGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ["flowchart LR"];
  for (const node of graph.nodes) {
    const id = ids.get(node.id);
    if (node.kind === "junction") lines.push(`  ${id}((" ")):::junction`);
    else lines.push(node.kind === "job" ? `  ${id}[${label(node.name)}]:::job` : `  ${id}(${label(node.name)}):::resource`);
  }
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from)} ${edge.trigger ? "-->" : "-.->"} ${ids.get(edge.to)}`);
  lines.push(
    `  classDef job fill:${PALETTE.job},stroke:${PALETTE.jobStroke},color:${PALETTE.jobText}`,
    `  classDef resource fill:${PALETTE.resource},stroke:${PALETTE.resource},color:${PALETTE.resourceText}`,
    ...(graph.nodes.some((n) => n.kind === "junction") ? [`  classDef junction fill:${PALETTE.edge},stroke:${PALETTE.edge}`] : []),
    "",
  );
  return lines.join("\n");
}
