/** What a benchmark run reports: throughput and latency percentiles. */
export interface Result {
  opsPerSecond: number;
  p50: number;
  p99: number;
}

/** The p-th percentile of ascending values (the value at rank floor(p% of n)); 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Run `total` operations with `concurrency` workers pulling from one counter; time each one. */
export async function measure(
  concurrency: number,
  total: number,
  op: (worker: number, i: number) => Promise<unknown>,
): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await op(worker, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { opsPerSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A right-aligned table row; the first column is wider. */
export function row(cells: (string | number)[], firstWidth = 28): string {
  return cells.map((cell, i) => String(cell).padStart(i === 0 ? firstWidth : 12)).join(' ');
}
