import type { ServiceDeps } from "../deps.ts"
import { createBroadcasts } from "./broadcasts.ts"
import { createSubscriptions } from "./subscriptions.ts"

/** Parents informed: subscriptions by school and grade (no role) and the coordinators' announcements to them. */
export function createParents(deps: ServiceDeps) {
  const broadcasts = createBroadcasts(deps)
  return { subscriptions: createSubscriptions(deps), broadcasts, jobs: broadcasts.jobs }
}

export type Parents = ReturnType<typeof createParents>
