export * from "./lifecycle.ts"
export * from "./split-text.ts"
export * from "./stats.ts"
