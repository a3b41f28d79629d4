import type { ServiceDeps } from "../deps.ts"

/**
 * Background work that a service plans on a timer: risk alerts waiting for working hours, deadline reminders,
 * hotline service levels, observers who did not confirm. A job must be idempotent (enqueue with dedupe keys):
 * after a crash it runs again and must not send twice.
 */
export interface Job {
  /** Unique, stable: the lease row's key. */
  name: string
  /** Runs at most this often (the scheduler's tick is shorter). */
  everyMs: number
  run(now: Date): Promise<void>
}

export interface JobRunResult {
  ran: string[]
  failed: string[]
}

/**
 * Runs due jobs, each in at most one instance at a time: a job is claimed with a lease in the database (an
 * atomic conditional UPDATE), so two bot instances on one PostgreSQL never run it twice, and a crashed claimer's
 * lease simply expires.
 */
export function createJobRunner(deps: ServiceDeps, jobs: readonly Job[], options: { owner: string; leaseMs?: number }) {
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const names = new Set<string>()
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`two jobs are named ${job.name}`)
    names.add(job.name)
  }

  async function claim(job: Job, now: Date): Promise<boolean> {
    await deps.prisma.jobLease.createMany({ data: [{ name: job.name }], skipDuplicates: true })
    const { count } = await deps.prisma.jobLease.updateMany({
      where: {
        name: job.name,
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        AND: [{ OR: [{ lastRunAt: null }, { lastRunAt: { lte: new Date(now.getTime() - job.everyMs) } }] }],
      },
      data: { owner: options.owner, leaseUntil: new Date(now.getTime() + leaseMs) },
    })
    return count === 1
  }

  return {
    /** Runs every job that is due and not held by another instance; one job's failure does not stop the others. */
    async runDue(): Promise<JobRunResult> {
      const result: JobRunResult = { ran: [], failed: [] }
      for (const job of jobs) {
        const now = deps.clock.now()
        if (!(await claim(job, now))) continue
        try {
          await job.run(now)
          result.ran.push(job.name)
        } catch (error) {
          result.failed.push(job.name)
          deps.logger.error({ err: error, job: job.name }, "scheduled job failed")
        } finally {
          // Spaced from the claim time: a failed run is retried on the next interval, not at once in a loop.
          await deps.prisma.jobLease.updateMany({
            where: { name: job.name, owner: options.owner },
            data: { owner: null, leaseUntil: null, lastRunAt: now },
          })
        }
      }
      return result
    },
  }
}

export type JobRunner = ReturnType<typeof createJobRunner>
