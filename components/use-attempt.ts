import { useState } from 'preact/hooks';

export type Status = { tone: 'info' | 'error'; text: string } | null;

/**
 * A status line and a runner for service calls: a success says what happened, a failure
 * shows the service's message. The runner resolves to whether it succeeded.
 */
export function useAttempt() {
  const [status, setStatus] = useState<Status>(null);
  const attempt = async <T>(
    run: () => Promise<T>,
    done: (value: T) => string,
  ): Promise<boolean> => {
    try {
      setStatus({ tone: 'info', text: done(await run()) });
      return true;
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  return { status, attempt };
}

export type Attempt = ReturnType<typeof useAttempt>['attempt'];
