/** Comparing pipelines as Concourse reads them, where order does not matter. */

/** Resources and resource types are a set to Concourse: sorts them by name in a copy. */
export function sortNamedSets(value: unknown): unknown {
  const config = structuredClone(value) as Record<string, unknown>;
  for (const key of ["resources", "resource_types"]) {
    const list = config[key];
    if (Array.isArray(list)) list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }
  return config;
}
