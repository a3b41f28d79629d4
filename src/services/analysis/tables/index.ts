export * from "./participants.ts"
export * from "./marks.ts"
export * from "./scores.ts"
export * from "./tasks.ts"
