/**
 * An expression for a child process's own peak resident memory, in KB, to evaluate in it at
 * exit. Linux's `getrusage` maximum (what `process.resourceUsage().maxRSS` reads) survives
 * `exec`: a child spawned by a large process (a vitest worker of 260 MB) reports at least
 * the parent's size, whatever it used itself. `VmHWM` in /proc/self/status is the peak of
 * the child's own address space; other systems fall back to `maxRSS`.
 */
export const PEAK_RSS_KB =
  '(() => { try { const m = /^VmHWM:\\s+(\\d+) kB/m.exec(require("node:fs").readFileSync("/proc/self/status", "utf8")); if (m) return Number(m[1]); } catch {} return process.resourceUsage().maxRSS; })()';
