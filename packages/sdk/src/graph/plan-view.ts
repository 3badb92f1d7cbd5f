/**
 * A job's plan as the HTML view's side panel shows it: its inputs and outputs, then every
 * step as a nested list (`get`, `put`, `task`... with their key settings), then its hooks.
 * A file task whose task file was read (`--artifact`) also shows the file's inputs, outputs
 * and params, as the step maps and sets them.
 */
import type { Job, Step } from "../model/index.ts";
import type { TaskConfig } from "../model/task-config.ts";
import { xml } from "./style.ts";
import { forEachHook, jobIo } from "./walk.ts";

/** The decoded config of a step's `file:`, when it was read. */
export type TaskFileLookup = (file: string) => TaskConfig | undefined;

/** The panel's HTML for one job. */
export function planHtml(job: Job, taskFile: TaskFileLookup = () => undefined): string {
  const { inputs, outputs } = jobIo(job);
  const out: string[] = [`<h2>${xml(job.name)}</h2>`];
  out.push('<h3>inputs</h3><ul class="io">');
  for (const i of inputs) {
    const notes = [i.trigger ? "trigger" : "", i.passed.length > 0 ? `passed: ${i.passed.join(", ")}` : ""].filter(Boolean);
    out.push(`<li>${xml(i.resource)}${notes.length > 0 ? ` <span class="note">(${xml(notes.join("; "))})</span>` : ""}</li>`);
  }
  if (inputs.length === 0) out.push('<li class="none">none</li>');
  out.push('</ul><h3>outputs</h3><ul class="io">');
  for (const o of outputs) out.push(`<li>${xml(o.resource)}</li>`);
  if (outputs.length === 0) out.push('<li class="none">none</li>');
  out.push('</ul><h3>plan</h3><ol class="plan">');
  const stepHtml = (step: Step): string => stepItem(step, taskFile);
  for (const step of job.plan ?? []) out.push(stepHtml(step));
  out.push("</ol>");
  const hooks: string[] = [];
  forEachHook(job, (hook, key) => hooks.push(`<li><span class="hook">${key}</span><ol>${stepHtml(hook)}</ol></li>`));
  if (hooks.length > 0) out.push(`<h3>hooks</h3><ul class="plan">${hooks.join("")}</ul>`);
  return out.join("");
}

/** One step (and what it nests) as a list item. */
function stepItem(step: Step, taskFile: TaskFileLookup): string {
  const stepHtml = (inner: Step): string => stepItem(inner, taskFile);
  const [kind, name, notes] = describe(step);
  const head = `<span class="kind">${kind}</span>${name === undefined ? "" : ` <span class="name">${xml(name)}</span>`}${
    notes.length > 0 ? ` <span class="note">(${xml(notes.join("; "))})</span>` : ""
  }`;
  const children: string[] = [];
  const config = "task" in step && typeof step.file === "string" ? taskFile(step.file) : undefined;
  if ("task" in step && config) children.push(taskFileHtml(step, config));
  if ("in_parallel" in step) {
    const inner = Array.isArray(step.in_parallel) ? step.in_parallel : step.in_parallel.steps;
    children.push(`<ol>${inner.map(stepHtml).join("")}</ol>`);
  } else if ("do" in step) {
    children.push(`<ol>${step.do.map(stepHtml).join("")}</ol>`);
  } else if ("try" in step) {
    children.push(`<ol>${stepHtml(step.try)}</ol>`);
  }
  forEachHook(step, (hook, key) => children.push(`<div class="hook">${key}</div><ol>${stepHtml(hook)}</ol>`));
  return `<li>${head}${children.join("")}</li>`;
}

/** A resolved file task's inputs, outputs and params, after the step's mappings and params. */
function taskFileHtml(step: Step & { task: string }, config: TaskConfig): string {
  const s = step as { input_mapping?: Record<string, string>; output_mapping?: Record<string, string>; params?: Record<string, unknown> };
  const item = (text: string, note: string) => `<li>${xml(text)}${note ? ` <span class="note">(${xml(note)})</span>` : ""}</li>`;
  const list = (title: string, items: string[]) =>
    `<div class="task-file">${title}</div><ul class="io">${items.length > 0 ? items.join("") : '<li class="none">none</li>'}</ul>`;
  const inputs = (config.inputs ?? []).map((i) => {
    const from = s.input_mapping?.[i.name];
    return item(i.name, [from !== undefined ? `from ${from}` : "", i.optional ? "optional" : ""].filter(Boolean).join("; "));
  });
  const outputs = (config.outputs ?? []).map((o) => {
    const to = s.output_mapping?.[o.name];
    return item(o.name, to !== undefined ? `as ${to}` : "");
  });
  const names = [...new Set([...Object.keys(config.params ?? {}), ...Object.keys(s.params ?? {})])];
  const params = names.map((param) => {
    const given = s.params !== undefined && param in s.params;
    const declared = config.params !== undefined && param in config.params;
    return item(param, given ? (declared ? "set by the step" : "set by the step; not in the file") : "the file's default");
  });
  return [list("inputs", inputs), list("outputs", outputs), list("params", params)].join("");
}

/** The step's kind, name and notes (modifiers and the settings that matter for the graph). */
function describe(step: Step): [kind: string, name: string | undefined, notes: string[]] {
  const notes: string[] = [];
  if (step.across) notes.push(`across ${step.across.map((a) => a.var).join(", ")}`);
  if (step.attempts !== undefined) notes.push(`attempts: ${step.attempts}`);
  if (step.timeout !== undefined) notes.push(`timeout: ${step.timeout}`);
  if ("get" in step) {
    if (step.resource && step.resource !== step.get) notes.unshift(`resource: ${step.resource}`);
    if (step.passed?.length) notes.unshift(`passed: ${step.passed.join(", ")}`);
    if (step.trigger) notes.unshift("trigger");
    return ["get", step.get, notes];
  }
  if ("put" in step) {
    if (step.resource && step.resource !== step.put) notes.unshift(`resource: ${step.resource}`);
    return ["put", step.put, notes];
  }
  if ("task" in step) {
    if (step.file) notes.unshift(`file: ${step.file}`);
    if (step.image) notes.unshift(`image: ${step.image}`);
    return ["task", step.task, notes];
  }
  if ("set_pipeline" in step) return ["set_pipeline", step.set_pipeline, [`file: ${step.file}`, ...notes]];
  if ("load_var" in step) return ["load_var", step.load_var, [`file: ${step.file}`, ...notes]];
  if ("run" in step) return ["run", step.run, [`type: ${step.type}`, ...notes]];
  if ("in_parallel" in step) return ["in_parallel", undefined, notes];
  if ("do" in step) return ["do", undefined, notes];
  return ["try", undefined, notes];
}
