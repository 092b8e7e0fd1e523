/**
 * Runs tasks one after another, in the order they were queued. A task that fails rejects only its
 * own caller; the next task still runs. The vault service and the reminders both need this: two
 * messages that arrive together must not interleave their reads and writes.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
