import { Semaphore } from '../../src/http/semaphore';

describe('Semaphore', () => {
  it('grants up to the limit, hands slots to waiters in order and ignores double releases', async () => {
    const slots = new Semaphore(2);
    const a = await slots.acquire(Date.now() + 1000);
    const b = await slots.acquire(Date.now() + 1000);
    expect(a && b).toBeTruthy();
    const order: string[] = [];
    const c = slots.acquire(Date.now() + 5000).then((r) => {
      order.push('c');
      return r;
    });
    const d = slots.acquire(Date.now() + 5000).then((r) => {
      order.push('d');
      return r;
    });
    a?.();
    a?.(); // a second release of the same slot must not admit another waiter
    const released = await c;
    expect(order).toEqual(['c']);
    expect(slots.inFlight).toBe(2);
    released?.();
    expect(await d).toBeDefined();
    expect(order).toEqual(['c', 'd']);
  });

  it('gives up at the deadline and forgets the waiter', async () => {
    const slots = new Semaphore(1);
    const held = await slots.acquire(Date.now() + 1000);
    expect(await slots.acquire(Date.now() + 50)).toBeUndefined();
    expect(await slots.acquire(Date.now() - 1)).toBeUndefined();
    held?.();
    expect(slots.inFlight).toBe(0);
    expect(await slots.acquire(Date.now() + 50)).toBeDefined();
  });

  it('rejects a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
