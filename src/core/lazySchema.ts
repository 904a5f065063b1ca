// Apps Script evaluates the whole bundle at the start of every execution, so a schema built at module
// load is paid for by every execution, whether it parses with it or not. A zod schema is costly to
// build (z.lazy too: it is a schema itself), so module-level schemas are getters instead: built on
// the first call, once per execution.

/** A getter that builds the schema on its first call and answers the same one afterwards. */
export function lazySchema<S>(build: () => S): () => S {
  let built: S | undefined;
  return () => {
    if (built === undefined) built = build();
    return built;
  };
}
