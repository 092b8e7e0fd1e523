/** Small statistics for measurements: robust to one odd sample, no dependencies. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Jitter as the mean change between consecutive round trips (the idea behind RFC 3550's
 * interarrival jitter, without its smoothing: a handful of samples needs no filter).
 */
export function meanConsecutiveDifference(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let total = 0;
  for (let i = 1; i < values.length; i++) total += Math.abs(values[i]! - values[i - 1]!);
  return total / (values.length - 1);
}

export const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
