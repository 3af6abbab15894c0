import type { RunMessage } from './timeline'

/** One listener of a run's messages, and how far along it is. */
export interface Subscriber {
  listener: (message: RunMessage) => void
  /** The next `seq` this subscriber is owed. */
  next: number
  done: boolean
}

/**
 * The subscribers of each run, as both feeds keep them: each gets every event
 * once and in `seq` order (one it already has is skipped), then one end
 * marker, after which it is dropped.
 */
export class Subscribers<S extends Subscriber> {
  private readonly byRun = new Map<string, Set<S>>()

  add(runId: string, subscriber: S): void {
    this.byRun.set(runId, (this.byRun.get(runId) ?? new Set()).add(subscriber))
  }

  /** A copy: delivering to one may drop it. */
  of(runId: string): S[] {
    return [...(this.byRun.get(runId) ?? [])]
  }

  /** Every run with its subscribers. */
  all(): Iterable<[string, Set<S>]> {
    return this.byRun
  }

  deliver(runId: string, subscriber: S, message: RunMessage): void {
    if (subscriber.done) return
    if (message.kind === 'event') {
      if (message.event.seq < subscriber.next) return
      subscriber.next = message.event.seq + 1
    } else {
      // The end is the last message: the subscription is over.
      this.drop(runId, subscriber)
    }
    subscriber.listener(message)
  }

  drop(runId: string, subscriber: S): void {
    subscriber.done = true
    const forRun = this.byRun.get(runId)
    forRun?.delete(subscriber)
    if (forRun?.size === 0) this.byRun.delete(runId)
  }
}
