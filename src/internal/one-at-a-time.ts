/** Work asked for again and again, done one run at a time. */
export interface OneAtATime {
  /**
   * Asks for a run: it starts now when none is running, else once after the running one (however
   * often it was asked meanwhile), so that every asking is answered by a run that started after it.
   */
  ask(): void;
  /** Resolves once no run is going on: for closing what the work uses. */
  idle(): Promise<void>;
}

/** `work`, done one run at a time; a failed run ends that run only, and nothing runs once `stopped()`. */
export function oneAtATime(work: () => Promise<unknown>, stopped: () => boolean = () => false): OneAtATime {
  let running: Promise<void> | undefined;
  let again = false;
  const ask = (): void => {
    if (stopped()) return;
    if (running) {
      again = true;
      return;
    }
    running = work()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          ask();
        }
      });
  };
  const idle = async (): Promise<void> => {
    while (running) await running;
  };
  return { ask, idle };
}
