/** How often a write that records what already happened is tried after a storage failure. */
const ATTEMPTS = 5;

/**
 * A write that records what already happened (an outcome Graph gave, a claim that sent nothing): tried again with
 * pauses of twice `firstPauseMs`, then four, eight and sixteen times it, because giving up would leave a card saying
 * something false.
 */
export async function patiently<T>(write: () => Promise<T>, firstPauseMs: number): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, firstPauseMs * 2 ** attempt));
    }
  }
}
