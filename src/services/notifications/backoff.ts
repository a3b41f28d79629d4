export const MAX_BACKOFF_SECONDS = 600

/**
 * Delay before retry number `attempt` (1, 2, …) after a transient failure: 2^attempt seconds, at most 10 minutes,
 * with "equal jitter" (half fixed, half random) so rows that failed together — a Telegram outage — do not
 * all come back in the same second.
 */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempt))
  return base / 2 + (random() * base) / 2
}
