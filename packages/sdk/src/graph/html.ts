/**
 * The HTML view: one self-contained page (inline CSS and script, no network) with a tab per
 * group as Concourse's groups bar has them (web/elm/src/Pipeline/Pipeline.elm `viewGroupsBar`:
 * one tab per group, labelled with its name, and no tab at all without groups), pan and zoom,
 * and a panel that shows a job's plan when it is clicked.
 */
import { HTML_SCRIPT } from "./html-script.ts";
import { PALETTE, xml } from "./style.ts";

/** One tab of the page: a name and its drawing. */
export interface HtmlView {
  /** The group's name, the tab's label; undefined for the whole pipeline, which has no tab. */
  readonly name: string | undefined;
  /** The view's SVG (from `toSvg`). */
  readonly svg: string;
}

/** What the page shows. */
export interface HtmlPage {
  /** The page title (the pipeline's name or file). */
  readonly title: string;
  /** The views, in tab order. */
  readonly views: readonly HtmlView[];
  /** The index of the view shown on load. @default 0 */
  readonly initial?: number;
  /** Each job's plan as panel HTML, by job name. */
  readonly plans: Readonly<Record<string, string>>;
}

const CSS = `
*{box-sizing:border-box}html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;background:${PALETTE.background};color:#e6e7e8;font:13px/1.4 Inconsolata,'DejaVu Sans Mono',Menlo,monospace}
header{display:flex;align-items:center;gap:12px;padding:6px 12px;background:#1e1d1d}
header h1{font-size:14px;margin:0 12px 0 0;font-weight:normal}
.tab{background:none;border:0;border-bottom:2px solid transparent;color:#bbb;padding:4px 8px;cursor:pointer;font:inherit}
.tab.active{color:#fff;border-bottom-color:${PALETTE.selected}}
main{flex:1;display:flex;min-height:0}
.view{flex:1;overflow:hidden;position:relative;cursor:grab}.view[hidden]{display:none}.view.dragging{cursor:grabbing}
.stage{transform-origin:0 0;position:absolute;left:0;top:0}
.job{cursor:pointer}.job.selected rect{stroke:${PALETTE.selected};stroke-width:3}
aside{width:380px;overflow:auto;padding:8px 14px;background:#262525;border-left:1px solid #111}
aside h2{font-size:15px;margin:4px 0 8px}aside h3{font-size:12px;text-transform:uppercase;color:#999;margin:12px 0 4px}
aside ol,aside ul{margin:0;padding-left:18px}aside li{margin:2px 0}
.kind{color:${PALETTE.selected}}.note{color:#999}.hook{color:#f5a623}.none{color:#777;list-style:none}
.task-file{font-size:11px;text-transform:uppercase;color:#999;margin-top:4px}
#close{float:right;background:none;border:0;color:#bbb;font:inherit;cursor:pointer}
`;

/** Renders the page, with a trailing newline. */
export function toHtml(page: HtmlPage): string {
  const tabs = page.views
    .map((v, i) => (v.name === undefined ? "" : `<button type="button" class="tab" data-view="${i}">${xml(v.name)}</button>`))
    .join("");
  const views = page.views.map(
    (v, i) =>
      `<div class="view" data-view="${i}"${v.name === undefined ? "" : ` data-name="${xml(v.name)}"`}><div class="stage">${v.svg}</div></div>`,
  );
  const plans = JSON.stringify(page.plans).replace(/</g, "\\u003c");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${xml(page.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${xml(page.title)}</h1><nav>${tabs}</nav></header>`,
    `<main data-initial="${page.initial ?? 0}">`,
    ...views,
    '<aside id="panel-box"><button type="button" id="close" title="close">×</button><div id="panel"><p>Click a job to see its plan.</p></div></aside>',
    "</main>",
    `<script type="application/json" id="plans">${plans}</script>`,
    `<script>${HTML_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
