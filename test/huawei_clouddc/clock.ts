// Time for tests of the export scheduler, which checks once a minute and starts at most one export per 10 s:
// jest's fake timers replace Date, setTimeout and setInterval, so minutes pass in milliseconds, while sockets,
// files and the simulator run in real time. Fake time moves only when a test moves it, in small steps with a
// pause of real time after each, so the HTTP exchanges a step sets off finish before the next one.
import type { Clock } from './helpers';

// Taken before any test installs fake timers: the real clock, and waits in real time.
const realSetTimeout = globalThis.setTimeout;
export const realNow: () => number = Date.now;
const STEP_MS = 500;

export const sleep = (ms: number): Promise<void> => new Promise((r) => realSetTimeout(r, ms));

const REAL = ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] as const;
const TIMERS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

/** Fake Date and timers from `now` (ms); everything else (I/O, microtasks, setImmediate) stays real. */
export function useFakeClock(now: number): void {
  jest.useFakeTimers({ now, doNotFake: [...REAL] });
}

/** A fake Date standing at `now` (ms); timers stay real. */
export function useFakeDate(now: number): void {
  jest.useFakeTimers({ now, doNotFake: [...REAL, ...TIMERS] });
}

/** Sets the exporter's clock (fake Date) and the simulator's. */
export function setNow(clock: Clock, ms: number): void {
  clock.now = ms;
  jest.setSystemTime(ms);
}

/** Waits (in short steps of real time) until `cond` holds; fails after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const end = realNow() + ms;
  while (!(await cond())) {
    if (realNow() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Moves fake time forward by `ms`. */
export async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += STEP_MS) {
    await jest.advanceTimersByTimeAsync(Math.min(STEP_MS, ms - t));
    await sleep(5);
  }
}

/** Moves fake time forward until `cond` holds; fails after `maxMs` of fake time. */
export async function advanceUntil(cond: () => boolean, maxMs: number, what: string): Promise<void> {
  for (let t = 0; !cond(); t += STEP_MS) {
    if (t >= maxMs) throw new Error(`${what}: not within ${maxMs / 1000} s of fake time`);
    await advance(STEP_MS);
  }
}
