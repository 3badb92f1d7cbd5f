/**
 * fly's vars as a library: read `-v/-y/-i/-l` the way fly does ({@link loadVarSources}),
 * fill them into a parsed pipeline ({@link interpolateVars}) or a config object
 * ({@link interpolateConfig}), and account for them ({@link buildVarsReport}). `lintYaml`
 * takes the sources as its `vars` option.
 *
 * @see https://concourse-ci.org/vars.html
 */
export { interpolateConfig } from "./config.ts";
export { type Interpolated, type InterpolationProblem, interpolateVars, type VarUse } from "./interpolate.ts";
export { formatVarReference, parseVarReference, type VarReference } from "./reference.ts";
export { buildVarsReport, formatVarsReport, type NeededVar, type VarSupplier, type VarsReport } from "./report.ts";
export { type LoadedVars, loadVarSources, lookupVar, type VarFlags, type VarLayer, type VarSources, type VarsProblem } from "./sources.ts";
export type { VarOrigin, VarValue } from "./value.ts";
