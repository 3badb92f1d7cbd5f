/**
 * The synthetic pipeline as a user's pipeline.ts, for whole-process `sdk render` timing:
 * `CONTRAIL_BENCH_JOBS` jobs (default 2,000).
 */
import { syntheticPipeline } from "./synthetic.ts";

export default syntheticPipeline(Number(process.env.CONTRAIL_BENCH_JOBS ?? "2000"));
