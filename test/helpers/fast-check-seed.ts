/**
 * Property tests draw their cases from one fixed seed, so that a run of the suite (a CI
 * run that decides whether a change lands) is the same every time: a failure belongs to
 * the change, not to the draw. `FC_SEED=N` draws from another seed, `FC_SEED=random` from a
 * new one each run, to look for new counterexamples; fast-check prints the seed of any it
 * finds, and a found one is kept as a hand-written case (test/yaml/edge-cases.test.ts).
 */
import fc from "fast-check";

const given = process.env.FC_SEED;
const SEED = 20261201;

if (given !== "random") {
  const seed = given === undefined || given === "" ? SEED : Number(given);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number or "random", not '${given}'`);
  fc.configureGlobal({ seed });
}
