import type { RoleName } from "../services/access/roles.ts"
import type { UserSpec } from "./telegram/fake-user.ts"

/** Someone to be in the sandbox's web chat: a Telegram user with a role in the demo municipality. */
export interface Persona {
  key: string
  telegramId: number
  firstName: string
  lastName: string
  /** Shown on the persona's card (Russian). */
  title: string
  /** What to try as this persona (Russian). */
  hint: string
  /** The role granted by an invite at seeding; none for a parent, ADMIN_IDS for the administrator. */
  role: Exclude<RoleName, "admin"> | "admin" | null
  /** The school (FIS OKO login) of a school role. */
  school?: string
}

export const PERSONAS: readonly Persona[] = [
  {
    key: "teacher", telegramId: 700_001, firstName: "Анна", lastName: "Смирнова", title: "Учитель",
    hint: "Отправьте файл с результатами и посмотрите анализ своей школы.", role: "teacher", school: "edu223019",
  },
  {
    key: "school-coordinator", telegramId: 700_002, firstName: "Ольга", lastName: "Петрова", title: "Школьный координатор",
    hint: "Загрузите результаты школы, пригласите учителя.", role: "school_coordinator", school: "edu223017",
  },
  {
    key: "municipal-coordinator", telegramId: 700_003, firstName: "Игорь", lastName: "Васильев", title: "Муниципальный координатор",
    hint: "Отправьте файл муниципалитета и получите обзор рисков с диаграммой и XLSX.", role: "municipal_coordinator",
  },
  {
    key: "observer", telegramId: 700_004, firstName: "Мария", lastName: "Кузнецова", title: "Общественный наблюдатель",
    hint: "Посмотрите, что бот предлагает наблюдателю.", role: "observer",
  },
  {
    key: "parent", telegramId: 700_005, firstName: "Елена", lastName: "Новикова", title: "Родитель",
    hint: "Задайте вопрос о ВПР.", role: null,
  },
  {
    key: "hotline-specialist", telegramId: 700_006, firstName: "Светлана", lastName: "Орлова", title: "Специалист горячей линии",
    hint: "Ответьте на вопросы родителей.", role: "hotline_specialist",
  },
  {
    key: "admin", telegramId: 700_007, firstName: "Дмитрий", lastName: "Соколов", title: "Администратор",
    hint: "Создайте приглашения, посмотрите любые данные.", role: "admin",
  },
]

export function personaByKey(key: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.key === key)
}

/**
 * A persona as the Bot API emulator's user. The demo's people have used the bot before (they hold roles), so the bot
 * may write to them first: the demo's schedule confirmations reach the school coordinator before the page is opened.
 */
export function personaUser(persona: Persona): UserSpec {
  return { id: persona.telegramId, firstName: persona.firstName, lastName: persona.lastName, languageCode: "ru", startedChat: true }
}
