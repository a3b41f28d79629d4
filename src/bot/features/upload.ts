import { Composer } from "grammy"
import { hasRole } from "../../services/access/roles.ts"
import type { BotContext } from "../context.ts"
import { onMenu } from "../keyboards/menu.ts"
import { TEMPLATE_CONVERSATION } from "../conversations/template.ts"
import { UPLOAD_CONVERSATION } from "../conversations/upload.ts"
import { SPEC_CONVERSATION } from "../conversations/spec.ts"

export const uploadFeature = new Composer<BotContext>()
const privateChat = uploadFeature.chatType("private")
const uploaders = privateChat.filter((ctx) => hasRole(ctx.actor, "teacher", "school_coordinator", "municipal_coordinator"))

uploaders.on("message:document", (ctx) => ctx.conversation.enter(UPLOAD_CONVERSATION))
uploaders.command("upload", (ctx) => ctx.conversation.enter(UPLOAD_CONVERSATION))
uploaders.command("template", (ctx) => ctx.conversation.enter(TEMPLATE_CONVERSATION))
uploaders.filter((ctx) => hasRole(ctx.actor, "municipal_coordinator")).command("spec", (ctx) => ctx.conversation.enter(SPEC_CONVERSATION))
const isUploader = (ctx: BotContext) => ctx.chat?.type === "private" && hasRole(ctx.actor, "teacher", "school_coordinator", "municipal_coordinator")
onMenu(uploadFeature.filter(isUploader), "upload", (ctx) => ctx.conversation.enter(UPLOAD_CONVERSATION))

// Everyone else is told why, instead of silence.
privateChat.on("message:document", (ctx) => ctx.reply(ctx.t("upload-not-allowed-role")))
privateChat.command("spec", (ctx) => ctx.reply(ctx.t("spec-not-allowed")))
privateChat.command(["upload", "template"], (ctx) => ctx.reply(ctx.t("upload-not-allowed-role")))
onMenu(uploadFeature.filter((ctx) => ctx.chat?.type === "private"), "upload", (ctx) => ctx.reply(ctx.t("upload-not-allowed-role")))
uploadFeature.chatType(["group", "supergroup"]).on("message:document", async () => {
  // Result files carry pupils' data: never read them in a group; say nothing there.
})
