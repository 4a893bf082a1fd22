/** Comparing partial dates (YYYY, YYYY-MM, YYYY-MM-DD) at the precision both have. */

/** True when `a` is certainly before `b`: earlier at the precision the two share. */
export function certainlyBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}
