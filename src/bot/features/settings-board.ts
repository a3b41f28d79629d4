/** The /settings board: its buttons (declared once here) and how it is drawn; features/settings.ts routes the taps. */
import { InlineKeyboard } from "grammy"
import { fieldValue, SETTING_FIELDS, type SettingField } from "../../services/analysis/settings-fields.ts"
import { SIGN_IDS, type AnalysisSettings } from "../../services/analysis/settings.ts"
import type { Translate } from "../../i18n.ts"
import { callbackData } from "../callback-data.ts"

export const fieldButton = callbackData("set:f", { field: "word" })
export const choiceButton = callbackData("set:c", { field: "word", value: "word" })
export const signsButton = callbackData("set:s")
export const signButton = callbackData("set:t", { sign: "int" })
export const boardButton = callbackData("set:b")
export const fileButton = callbackData("set:j")
export const doneButton = callbackData("set:x")

/** A setting's value as people read it: «5», «95 %», «да», «школы муниципалитета». */
export function settingValueText(t: Translate, field: SettingField, settings: AnalysisSettings): string {
  const value = fieldValue(settings, field)
  switch (field.kind) {
    case "count":
      return String(value)
    case "percent":
      return t("settings-percent", { value: String(Math.round((value as number) * 1000) / 10).replace(".", t("sign-decimal-separator")) })
    case "switch":
      return t(value ? "settings-yes" : "settings-no")
    case "choice":
      return t(`settings-option-${field.id}-${String(value)}`)
  }
}

export function settingsBoardText(t: Translate, settings: AnalysisSettings): string {
  const lines = SETTING_FIELDS.map((field) => `• ${t(`settings-field-${field.id}`)}: ${settingValueText(t, field, settings)}`)
  const enabled = SIGN_IDS.filter((id) => settings.enabledSigns.includes(id)).length
  return [t("settings-board-head"), "", ...lines, `• ${t("settings-signs", { enabled, total: SIGN_IDS.length })}`, "", t("settings-board-hint")].join("\n")
}

export function settingsBoardKeyboard(t: Translate): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const field of SETTING_FIELDS) keyboard.text(`✏️ ${t(`settings-field-${field.id}`)}`, fieldButton.pack({ field: field.id })).row()
  return keyboard
    .text(`✏️ ${t("settings-signs-button")}`, signsButton.pack({}))
    .row()
    .text(t("settings-file-button"), fileButton.pack({}))
    .row()
    .text(t("settings-done-button"), doneButton.pack({}))
}

export function signsKeyboard(t: Translate, settings: AnalysisSettings): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  SIGN_IDS.forEach((id, index) => {
    keyboard.text(`${settings.enabledSigns.includes(id) ? "✅" : "▫️"} ${t(`sign-title-${id}`)}`, signButton.pack({ sign: index })).row()
  })
  return keyboard.text(t("settings-back-button"), boardButton.pack({}))
}

export function choiceKeyboard(t: Translate, field: SettingField & { kind: "choice" }, settings: AnalysisSettings): InlineKeyboard {
  const current = fieldValue(settings, field)
  const keyboard = new InlineKeyboard()
  for (const option of field.options) {
    keyboard.text(`${option === current ? "● " : ""}${t(`settings-option-${field.id}-${option}`)}`, choiceButton.pack({ field: field.id, value: option })).row()
  }
  return keyboard.text(t("settings-back-button"), boardButton.pack({}))
}
