export * from "./dates.ts"
export * from "./production-calendar.ts"
export * from "./zoned.ts"
export * from "./working-time.ts"
