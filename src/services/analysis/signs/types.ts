/**
 * The old path of signs/common/types.ts, kept only for bench/detection.ts and test/support/generator/recheck.ts,
 * which others are editing while this layout lands: point their imports at common/types.ts and delete this file.
 */
export type * from "./common/types.ts"
