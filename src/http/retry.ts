// When to try a rate-limited or briefly unavailable upstream again. Vendors send Retry-After on 429 (API
// gateways, rate limits) and on 503 during maintenance; without it a short exponential backoff is enough.

export const MAX_ATTEMPTS = 5;
const BASE_BACKOFF_MS = 200;

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Wait before attempt `attempt + 1` (attempt counts from 1): Retry-After in seconds or as an HTTP date, else
 * 200 ms · 2^(attempt-1). A date in the past means "now".
 */
export function retryDelayMs(retryAfter: string | undefined, attempt: number, now = Date.now()): number {
  const header = retryAfter?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return BASE_BACKOFF_MS * 2 ** (attempt - 1);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** setTimeout fires at once for delays past 2^31-1 ms; an unbounded deadline must mean "much later". */
export function timerDelay(ms: number): number {
  return Math.min(Math.max(0, ms), 2_147_483_647);
}
