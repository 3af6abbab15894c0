import type { Redis } from 'ioredis'
import type { RedisRunStore } from './redis-backend'
import type { EventFeed, Unsubscribe } from './run-backend'
import { Subscribers, type Subscriber } from './subscribers'
import type { RunMessage } from './timeline'

interface Watch extends Subscriber {
  /** True once a catch-up has delivered everything stored; live messages until then only trigger another. */
  live: boolean
  /** A catch-up (a read of the stored events) is under way; `again` asks it for one more round. */
  busy: boolean
  again: boolean
}

/**
 * Delivery across instances: one subscriber connection per process on one
 * channel, fanned out to this process's watchers. A watcher is caught up from
 * the stored list (after subscribing, after a reconnect, on a gap, at the
 * end), and in between takes each live event whose `seq` is the next it is
 * owed, so nothing is lost, repeated or reordered.
 */
export class RedisEventFeed implements EventFeed {
  private readonly watches = new Subscribers<Watch>()
  private readonly subscribed: Promise<unknown>

  constructor(
    private readonly store: RedisRunStore,
    private readonly subscriber: Redis,
    channel: string,
  ) {
    this.subscribed = subscriber.subscribe(channel)
    // Rejected only when the backend is closed; a catch-up then gives up quietly.
    this.subscribed.catch(() => {})
    subscriber.on('message', (_channel: string, text: string) => this.onMessage(text))
    // Messages published while the connection was down are lost: catch every watcher up from the store.
    subscriber.on('ready', () => this.catchUpAll())
  }

  /** Nothing to do: the store's scripts publish each event and end they keep, in the same step (see redis-lua.ts). */
  async publish(): Promise<void> {}

  subscribe(runId: string, listener: (message: RunMessage) => void, afterSeq = -1): Unsubscribe {
    const watch: Watch = { listener, next: afterSeq + 1, live: false, busy: false, again: false, done: false }
    this.watches.add(runId, watch)
    void this.catchUp(runId, watch)
    return () => this.watches.drop(runId, watch)
  }

  /**
   * Catches every watcher up. Also run on a timer: it finds runs whose instance was killed (the read ends them
   * `expired`) and retries catch-ups that failed while Redis was down.
   */
  catchUpAll(): void {
    for (const [runId, watches] of this.watches.all()) for (const watch of watches) void this.catchUp(runId, watch)
  }

  private onMessage(text: string): void {
    const { runId, message } = JSON.parse(text) as { runId: string; message: RunMessage }
    for (const watch of this.watches.of(runId)) {
      if (watch.live && !watch.busy && message.kind === 'event' && message.event.seq <= watch.next) this.watches.deliver(runId, watch, message)
      // A gap, an end (delivered once every stored event is), or a message during a catch-up: read the store.
      else void this.catchUp(runId, watch)
    }
  }

  private async catchUp(runId: string, watch: Watch): Promise<void> {
    if (watch.busy) {
      watch.again = true
      return
    }
    watch.busy = true
    try {
      await this.subscribed
      do {
        watch.again = false
        const { status, events } = await this.store.since(runId, watch.next)
        for (const event of events) this.watches.deliver(runId, watch, { kind: 'event', event })
        if (status !== 'running') this.watches.deliver(runId, watch, { kind: 'end', status })
      } while (watch.again && !watch.done)
      watch.live = true
    } catch {
      // Redis is unreachable: the reconnect, the timer or the next message tries again.
    } finally {
      watch.busy = false
    }
  }
}
