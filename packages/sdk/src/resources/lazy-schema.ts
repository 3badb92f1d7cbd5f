/**
 * Schemas built on first use. The typed resources' zod schemas (a few hundred fields, each
 * with a description) took a large share of every `sdk render`'s start-up when they were
 * built at import, although a pipeline uses two or three resource types. A lazy schema is
 * a stand-in that builds the real one the first time anything touches it, then forwards
 * every property read, `in`, key listing and prototype question to it: `safeParse`,
 * `.optional()`, `instanceof z.ZodObject`, `z.infer` and composition in other schemas
 * behave as on the real schema.
 */

/** A schema (or any object) that `build` makes on first use; typed as what `build` returns. */
export function lazySchema<T extends object>(build: () => T): T {
  let real: T | undefined;
  const target = (): T => {
    real ??= build();
    return real;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key, target()),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // The stand-in's own target is empty and extensible, so it may only report configurable properties.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}
