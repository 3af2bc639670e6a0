/** Polls `probe` every 20 ms until it returns something truthy, or fails naming what it waited for. */
export async function pollUntil<T>(probe: () => T | undefined | null | false, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
