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

report-title = { $title }

sheet-problem-cell = Лист «{ $sheet }», ячейка { $cell }: { $text }
sheet-problem-sheet = Лист «{ $sheet }»: { $text }
sheet-problem-path = { $path }: { $text }
