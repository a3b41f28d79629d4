/** Wakes waiters whenever the fake's state changes, so tests wait for conditions instead of sleeping. */
export class Notifier {
  private readonly listeners = new Set<() => void>()

  private readonly subscribers = new Set<() => void>()

  notify(): void {
    for (const subscriber of this.subscribers) subscriber()
    for (const listener of [...this.listeners]) listener()
  }

  /** Called on every change for as long as the emulator lives (change counters). */
  subscribe(subscriber: () => void): void {
    this.subscribers.add(subscriber)
  }

  /** Resolves with the first non-undefined result of `check`, re-evaluated after every change. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const first = check()
    if (first !== undefined) return Promise.resolve(first)
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        let result: T | undefined
        try {
          result = check()
        } catch (error) {
          finish()
          reject(error)
          return
        }
        if (result === undefined) return
        finish()
        resolve(result)
      }
      const timer = setTimeout(() => {
        finish()
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`))
      }, timeoutMs)
      const finish = (): void => {
        clearTimeout(timer)
        this.listeners.delete(listener)
      }
      this.listeners.add(listener)
    })
  }
}
