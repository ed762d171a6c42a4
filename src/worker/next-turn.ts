/**
 * Resolves in a later task, after the messages waiting for the worker. A message to itself, not
 * setTimeout(0): browsers hold a timeout nested five deep for at least 4 ms, which cost a long
 * replay that yields every 25 ms about a seventh of its time.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      // Closing the pair lets node exit once the work is done.
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
