/** Polls probe until accept(value); rejects with the last value seen on timeout. */
export async function waitUntil<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`waitUntil: timed out after ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}
