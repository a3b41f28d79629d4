import { ProductionCalendar } from "../../domain/calendar/production-calendar.ts"
import type { ServiceDeps } from "../deps.ts"

/**
 * The production calendar every service plans with (working days, working hours). Today the one shipped in
 * domain/calendar; an admin's update of a year (a new decree) is layered over it here, so that every caller
 * gets it without a release.
 */
export async function loadCalendar(_deps: Pick<ServiceDeps, "prisma">): Promise<ProductionCalendar> {
  return shippedCalendar
}

const shippedCalendar = new ProductionCalendar()
