/**
 * Polls `url` until it answers 200, so a test starts only once a server is ready. `giveUp`
 * returns a reason to stop early (the server process died).
 */
export async function waitFor200(
  url: string,
  timeoutMs = 15_000,
  giveUp: () => string | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const reason = giveUp();
    if (reason) throw new Error(`[e2e] Failed to reach ${url}: ${reason}.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `[e2e] Failed to reach ${url} within ${timeoutMs} ms (${last}). See the server output above.`,
  );
}
