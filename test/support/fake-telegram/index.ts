/**
 * The fake Telegram Bot API for end-to-end tests. It is product code now (the sandbox that `npm start` opens
 * without a token runs on it): src/sandbox/telegram. Tests keep importing it from here.
 */
export * from "../../../src/sandbox/telegram/index.ts"
