import { describe, expect, it } from 'vitest';
import { BusyGate } from '@/lib/busy-gate';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BusyGate', () => {
  it('is idle at once when nothing holds it', async () => {
    const gate = new BusyGate();
    let idle = false;
    void gate.idle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(true);
  });

  it('wakes its waiters once the last of overlapping holders ends, failed or not', async () => {
    const gate = new BusyGate();
    let endFirst!: () => void;
    let failSecond!: (e: Error) => void;
    const first = gate.during(() => new Promise<void>((resolve) => (endFirst = resolve)));
    const second = gate.during(() => new Promise<void>((_, reject) => (failSecond = reject)));
    let idle = false;
    void gate.idle().then(() => (idle = true));
    endFirst();
    await first;
    await settle();
    expect(idle).toBe(false);
    failSecond(new Error('refused'));
    await expect(second).rejects.toThrow('refused');
    await settle();
    expect(idle).toBe(true);
  });
});
