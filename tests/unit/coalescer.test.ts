import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '@/lib/coalescer';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('Coalescer', () => {
  it('turns a burst of pokes into one run, no later than the delay', async () => {
    const runs: number[] = [];
    const c = new Coalescer(async () => void runs.push(Date.now()), 1000);
    const start = Date.now();
    for (let i = 0; i < 50; i++) {
      c.poke();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual([start + 1000]);
  });

  it('runs once more for a poke that came during a run, never two at once', async () => {
    let running = 0;
    let most = 0;
    let count = 0;
    const c = new Coalescer(async () => {
      running++;
      most = Math.max(most, running);
      count++;
      await new Promise((r) => setTimeout(r, 1500));
      running--;
    }, 1000);
    c.poke();
    await vi.advanceTimersByTimeAsync(1200);
    c.poke();
    await vi.advanceTimersByTimeAsync(5000);
    expect(count).toBe(2);
    expect(most).toBe(1);
  });

  it('keeps going after a run fails', async () => {
    let count = 0;
    const c = new Coalescer(async () => {
      count++;
      throw new Error('boom');
    }, 100);
    c.poke();
    await vi.advanceTimersByTimeAsync(200);
    c.poke();
    await vi.advanceTimersByTimeAsync(200);
    expect(count).toBe(2);
  });
});
