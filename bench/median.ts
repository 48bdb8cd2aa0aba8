import { performance } from 'perf_hooks';

/** Median wall time in milliseconds of `runs` calls, after `warmup` calls that are not counted. */
export function median(fn: () => unknown, runs: number, warmup = 1): number {
  return medians([fn], runs, warmup)[0];
}

/**
 * The median wall time of each function, calling them in turn in each of `runs` rounds, so that
 * what they are compared under (load from other processes, the garbage collector's state after
 * the previous call) is shared alike and a ratio between them means what it says.
 */
export function medians(fns: ReadonlyArray<() => unknown>, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
