// The emulator lives in src/sandbox/telegram; deep imports from here keep working.
export * from "../../../src/sandbox/telegram/bot-message.ts"
