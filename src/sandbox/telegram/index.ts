/**
 * A strict local emulator of the Telegram Bot API: the sandbox (`npm start` without a token) and the end-to-end
 * tests run the real bot against it. Start it, point the real bot at it with
 * `client: { apiRoot: fake.apiRoot }`, and act as users:
 *
 *   const fake = await FakeTelegram.start()
 *   const anna = fake.user({ id: 1001, firstName: "Анна" })
 *   await anna.sendText("/start")
 *   const [greeting] = await anna.waitForMessages(1)
 */
export { FakeTelegram, type ChatEntry, type FakeTelegramOptions } from "./fake-telegram.ts"
export { FakeUser, type UserSpec } from "./fake-user.ts"
export { FakeGroup, type GroupSpec, type TopicView } from "./fake-group.ts"
export { BotMessage, type MessageFile } from "./bot-message.ts"
export type { ApiCall, CallOutcome, InjectedError, InjectedFailure } from "./api-server.ts"
export type { CallbackAnswer } from "./world.ts"
export type { DocumentInput, MessageRef, PhotoInput, SendOptions } from "./user-actions.ts"
export type { WaitOptions } from "./inbox.ts"
export { parseHtml, EntityParseError, type ParsedText } from "./html.ts"
export { parseMultipart, type UploadedFile } from "./multipart.ts"
export { startPolling, type RunningBot } from "./polling.ts"
