# Сроки, напоминания, календарь процедур, события, справки школ.

deadline-kind-briefing = инструктаж координаторов
deadline-kind-materials = проверка материалов
deadline-kind-results_upload = загрузка результатов
deadline-kind-analysis = анализ результатов
deadline-kind-report = документы от школ
deadline-kind-event = совещания и семинары
deadline-kind-recheck = перепроверка работ
deadline-kind-follow_up = меры по итогам анализа
deadline-kind-observer_act = акты наблюдения
deadline-kind-observer_assignment = назначение наблюдателей
deadline-kind-kdr_scale = шкалы КДР
deadline-kind-observer_briefing = инструктаж наблюдателей

deadline-school = {" "}— школа { $login }
deadline-school-named = {" "}— { $name } ({ $login })
deadline-provisional = Календарь на { $year } год предварительный: постановление о переносе выходных ещё не принято, даты могут сдвинуться.

deadline-reminder =
    ⏰ Напоминание: { $title }{ $school }.
    Срок — { $due }, { $left ->
        [0] то есть сегодня.
        [one] остался { $left } рабочий день.
        [few] осталось { $left } рабочих дня.
       *[other] осталось { $left } рабочих дней.
    }
deadline-reminder-results_upload =
    ⏰ { $title }{ $school }.
    Результаты ещё не загружены в бот. Пришлите файл ФИС ОКО сюда до { $due } ({ $left ->
        [0] это сегодня
        [one] остался { $left } рабочий день
        [few] осталось { $left } рабочих дня
       *[other] осталось { $left } рабочих дней
    }). Когда файл будет загружен, напоминания прекратятся.
deadline-reminder-report =
    ⏰ Ждём документ: { $title }{ $school }.
    Срок — { $due }, { $left ->
        [0] то есть сегодня.
        [one] остался { $left } рабочий день.
        [few] осталось { $left } рабочих дня.
       *[other] осталось { $left } рабочих дней.
    } Загрузить его можно кнопкой в запросе или командой /reports.
deadline-reminder-event = 📅 Напоминание: { $title }{ $school } — { $due }.
deadline-overdue =
    ⚠️ Срок прошёл: { $title }{ $school }. Нужно было сделать до { $due }.
    Если уже сделано, отметьте это кнопкой ниже.
deadline-escalation-head = ⚠️ Просрочено ({ $count }):
deadline-escalation-line = • { $title }{ $school } — срок был { $due }
deadline-escalation-line-nobody = • { $title }{ $school } — срок был { $due } (у школы нет координатора в боте)
deadline-escalation-more = …и ещё { $count }.
deadline-escalation-foot = Ответственные получили напоминание. Отметить сделанное можно в списке по школам.
deadline-escalation-foot-nobody = Ответственные получили напоминание. Где у школы нет координатора в боте, напомнить некому — пригласите его командой /invite.
deadline-button-board = 📋 Сроки по школам
deadline-button-done = ✅ Сделано
deadline-button-mute = 🔕 Не напоминать о таком

deadline-title-briefing = Инструктаж школьных координаторов перед { $season } (первая работа в муниципалитете — { $date })
deadline-title-materials = Проверить материалы в ФИС ОКО: { $procedure }, работа { $date }
deadline-title-results_upload = Загрузить результаты: { $procedure }, работа { $date }
deadline-title-analysis = Анализ результатов: { $procedure } (результаты получены { $date })

deadline-title-recheck = Перепроверка работ по плану № { $plan }: { $procedure }
deadline-title-follow_up = { $measure ->
    [visit] Посещение школы
    [observers] Наблюдатели на следующей процедуре
    [video] Видеонаблюдение
    [help_programme] Программа помощи учителям
    [interview] Собеседование с администрацией
   *[other] Мера
  } по случаю № { $case }
deadline-title-observer_act = Акт наблюдения: { $procedure }, работа { $date }

report-title = { $title }

sheet-problem-cell = Лист «{ $sheet }», ячейка { $cell }: { $text }
sheet-problem-sheet = Лист «{ $sheet }»: { $text }
sheet-problem-path = { $path }: { $text }

help-deadlines = /deadlines — ваши сроки на 30 дней, напоминания
help-schedule = /schedule — расписание процедур: шаблон, загрузка, подтверждение дат
help-events = /events — совещания, семинары, собеседования
help-reports = /reports — документы от школ к сроку
help-calendar = /calendar — производственный календарь

deadlines-title = ⏰ Ваши сроки на ближайшие 30 дней:
deadlines-none = ⏰ На ближайшие 30 дней сроков у вас нет.
deadlines-line = { $number }. до { $due } — { $title }{ $school }
deadlines-line-overdue = { $number }. ⚠️ просрочено, срок был { $due } — { $title }{ $school }
deadlines-more = …и ещё { $count }.
deadlines-municipality = муниципалитет
deadlines-button-board = 📋 Сроки по школам
deadlines-button-mutes = 🔕 Напоминания
deadlines-button-rules = ⚙️ Правила сроков
deadlines-button-schedule = 🗓 Расписание
deadlines-button-events = 📅 События
deadlines-button-reports = 📄 Документы школ
deadlines-button-undo = 🔔 Вернуть напоминания
deadlines-done = Отмечено как сделанное: { $title }.
deadlines-done-already = Это уже отмечено как сделанное: { $title }.
deadlines-done-not-allowed = Отметить этот срок могут ответственные за него и муниципальный координатор.
deadlines-gone = Этого срока больше нет: его отменили или изменили. Откройте список заново: /deadlines
deadlines-board-not-allowed = Сроки по всем школам видят муниципальные координаторы.
deadlines-board-title = 📋 Сроки по школам (30 дней назад и вперёд):
deadlines-board-empty = 📋 Сроков по школам на 30 дней назад и вперёд нет.
deadlines-board-line = { $number }. { $title } — до { $due }: выполнено { $done }, ждём { $pending }, просрочено { $overdue }
deadlines-board-line-own = { $number }. { $title } — до { $due }: { $done ->
    [0] { $overdue ->
        [0] ждём
       *[other] просрочено
    }
   *[other] выполнено
}
deadlines-board-hint = Нажмите номер, чтобы увидеть школы и отметить сделанное.
deadlines-group-title = { $title } — срок { $due }:
deadlines-mutes = 🔕 Напоминания по видам сроков (выключено: { $count }). Нажмите, чтобы включить или выключить. Сообщения о просроченном приходят всегда.
deadlines-muted = Больше не напоминаю: { $kind }. Сообщение о просрочке всё равно придёт.
deadlines-unmuted = Напоминания снова включены: { $kind }.

rules-title = ⚙️ Правила сроков вашего муниципалитета:
rules-hint = Значения по умолчанию взяты из дорожных карт (calendar.md §6.2). Чтобы изменить правило, нажмите его кнопку.
rules-not-allowed = Правила сроков меняют муниципальные координаторы своего муниципалитета.
rules-off = выключено
rules-at = , до { $at }
rules-materials = накануне работы, напоминание в { $at }
rules-reminders = за { $days } рабочих дня до срока (0 — в день срока), в { $at }
rules-plan-graph = ; по плану-графику: { $dates }
rules-unit-workingDays = { $value } { $value ->
    [one] рабочий день
    [few] рабочих дня
   *[other] рабочих дней
}
rules-unit-calendarDays = { $value } { $value ->
    [one] календарный день
    [few] календарных дня
   *[other] календарных дней
}
rules-unit-workingHours = { $value } { $value ->
    [one] рабочий час
    [few] рабочих часа
   *[other] рабочих часов
}
rules-anchor-briefCoordinatorsBefore = за { $amount } до первой работы{ $at }
rules-anchor-assignObserversBefore = за { $amount } до работы{ $at }
rules-anchor-briefObserversBefore = за { $amount } до работы{ $at }
rules-anchor-observerActDue = { $amount } после работы{ $at }
rules-anchor-resultsUploadDue = { $amount } после работы{ $at }
rules-anchor-municipalAnalysisDue = { $amount } после получения результатов{ $at }
rules-anchor-recheckDue = { $amount } после анализа{ $at }
rules-anchor-hotlineFirstResponse = { $amount }
rule-name-briefCoordinatorsBefore = Инструктаж координаторов
rule-name-materialsCheck = Проверка материалов
rule-name-assignObserversBefore = Назначение наблюдателей
rule-name-briefObserversBefore = Инструктаж наблюдателей
rule-name-observerActDue = Акт наблюдения
rule-name-resultsUploadDue = Загрузка результатов
rule-name-municipalAnalysisDue = Анализ результатов
rule-name-recheckDue = Перепроверка работ
rule-name-hotlineFirstResponse = Ответ горячей линии
rule-name-remindersAt = Напоминания
rules-ask = { $rule }: сейчас { $value }.
    { $hint }
rules-example-briefCoordinatorsBefore = Напишите, за сколько дней, например «2 рабочих» или «3 календарных» (можно со временем: «1 рабочий 16:00»); «выкл» — не планировать.
rules-example-materialsCheck = Напишите время напоминания накануне работы, например «14:00»; «выкл» — не напоминать.
rules-example-assignObserversBefore = Напишите, за сколько дней, например «3 рабочих».
rules-example-briefObserversBefore = Напишите, за сколько дней, например «1 рабочий».
rules-example-observerActDue = Напишите срок после работы, например «1 рабочий 12:00».
rules-example-resultsUploadDue = Напишите срок после работы, например «5 рабочих» или «7 календарных»; «выкл» — не планировать.
rules-example-municipalAnalysisDue = Напишите срок после получения результатов, например «10 календарных»; «выкл» — не планировать.
rules-example-recheckDue = Напишите срок после анализа, например «10 рабочих».
rules-example-hotlineFirstResponse = Напишите число рабочих часов, например «4».
rules-example-remindersAt = Напишите, за сколько рабочих дней напоминать и во сколько, например «3, 1, 0 в 09:00» (0 — в день срока).
rules-send-text = Напишите новое значение текстом, или /cancel.
rules-hint-days = Не понял. Напишите число и единицу, например «5 рабочих» или «10 календарных».
rules-hint-hours = Не понял. Напишите число рабочих часов, например «4».
rules-hint-time = Не понял. Напишите время, например «14:00», или «выкл».
rules-hint-reminders = Не понял. Напишите дни через запятую и время, например «3, 1, 0 в 09:00».
rules-saved = Сохранено. { $rule }: { $value }. Сроки пересчитаются в течение нескольких минут.
rules-gave-up = Правило не изменено. Попробуйте ещё раз из /deadlines → «Правила сроков».
rule-not-object = правило должно быть объектом
rule-unknown = такого правила или поля нет
rule-value = число должно быть целым, от 0 до { $max }
rule-unit = такая единица здесь не подходит
rule-time = время должно быть от 00:00 до 23:59
rule-days-list = нужен список до пяти чисел от 0 до 20
rule-date = даты плана-графика пишутся как «ВПР|2026»: «2026-05-22»
rule-flag = ожидалось «вкл» или «выкл»
