import type { Clock } from './clock'
import { processWide } from './process-wide'
import type { Run } from './runs'
import { errorMessage, EVENTS, LANES, taskEvent, type Lane, type FinalStatus, type NewTimelineEvent, type TaskKind } from './timeline'

export interface RecorderOptions {
  clock: Clock
  /**
   * How long the run waits, once the response is sent and no task is pending,
   * before it declares itself complete. An `after()` callback may await
   * something (`headers()`, say) before it starts its first task; this window
   * lets that task register instead of finding the run already ended.
   */
  settleMs: number
  /** Hard stop: a run still going after this long is ended as `expired`. */
  maxRunMs: number
}

export interface TaskLabels {
  lane: Lane
  /** What the bar stands for: `effect` gives `effect.started` / `effect.finished` / `effect.failed`. */
  type: TaskKind
  started: string
  finished: string
}

/** The recorders of this process whose runs have not ended, so a leaving process can wait for them (`recordersEnded`). */
const unfinished = processWide('unfinished-recorders', () => new Set<RunRecorder>())

/** Resolves once every run this process records has ended and its writes are stored. */
export const recordersEnded = async (): Promise<void> => void (await Promise.all([...unfinished()].map((recorder) => recorder.ended)))

/**
 * Records one run's timeline on the server clock, relative to the moment the
 * request reached the handler, and decides when the run is complete: once the
 * response has been sent and no task (critical work or side effect) is
 * pending.
 */
export class RunRecorder {
  private readonly t0: number
  private pending = 0
  private responseSent = false
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  private readonly expiryTimer: ReturnType<typeof setTimeout>
  private status: FinalStatus | undefined
  private resolveEnded: (status: FinalStatus) => void = () => {}
  /** Resolves with the run's final status once it has ended and every write is stored. */
  readonly ended = new Promise<FinalStatus>((resolve) => (this.resolveEnded = resolve))

  constructor(
    readonly run: Run,
    private readonly options: RecorderOptions,
  ) {
    this.t0 = options.clock()
    this.expiryTimer = setTimeout(() => this.finish('expired'), options.maxRunMs)
    this.expiryTimer.unref?.()
    unfinished().add(this)
  }

  get id(): string {
    return this.run.id
  }

  /** Milliseconds since the request arrived. */
  elapsed(): number {
    return this.options.clock() - this.t0
  }

  mark(event: NewTimelineEvent): void {
    this.run.append(event, this.elapsed())
  }

  /**
   * Runs `operation` as a bar in its lane: start and end events, and on a
   * throw a failed end event carrying the message, then the error goes on to
   * the caller unchanged.
   */
  async task<T>(labels: TaskLabels, operation: () => Promise<T>): Promise<T> {
    this.pending++
    this.clearSettle()
    const { lane, type } = labels
    this.mark({ type: taskEvent(type, 'started'), label: labels.started, lane, phase: 'start' })
    try {
      const value = await operation()
      this.mark({ type: taskEvent(type, 'finished'), label: labels.finished, lane, phase: 'end', outcome: 'ok' })
      return value
    } catch (error) {
      this.mark({ type: taskEvent(type, 'failed'), label: `${labels.started}: failed`, lane, phase: 'end', outcome: 'error', detail: errorMessage(error) })
      throw error
    } finally {
      this.pending--
      this.maybeSettle()
    }
  }

  /**
   * Called from the run's last after() callback. Next.js runs those once it
   * has sent the response, so this records when it did, as seen by after()
   * itself; `response.body-sent` (see next/body-sent.ts) is the observation that
   * does not depend on after().
   */
  markResponseSent(): void {
    if (this.responseSent) return
    this.responseSent = true
    this.mark({ type: EVENTS.responseSent, label: 'Next.js ran after() callbacks', lane: LANES.handler, phase: 'instant' })
    this.maybeSettle()
  }

  /** Ends the run now as `status`, with `event` as its last mark, whatever is pending; ignored once the run has ended. */
  endNow(status: FinalStatus, event: NewTimelineEvent): void {
    if (this.status !== undefined) return
    this.mark(event)
    this.finish(status)
  }

  private maybeSettle(): void {
    if (!this.responseSent || this.pending > 0 || this.status !== undefined) return
    this.clearSettle()
    // Every task() clears this timer first, so when it fires nothing is pending.
    this.settleTimer = setTimeout(() => this.finish('complete'), this.options.settleMs)
  }

  private clearSettle(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer)
    this.settleTimer = undefined
  }

  private finish(status: FinalStatus): void {
    if (this.status !== undefined) return
    this.status = status
    this.clearSettle()
    clearTimeout(this.expiryTimer)
    this.run.end(status)
    void this.run.flushed().then(() => {
      unfinished().delete(this)
      this.resolveEnded(status)
    })
  }
}
