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

deadline-left = { $left ->
    [0] срок сегодня
    [one] остался { $left } рабочий день
    [few] осталось { $left } рабочих дня
   *[other] осталось { $left } рабочих дней
}
deadline-reminder =
    ⏰ Напоминание: { $title }{ $school }.
    Срок — { $due }, { $left ->
        [0] то есть сегодня.
        [one] остался { $left } рабочий день.
        [few] осталось { $left } рабочих дня.
       *[other] осталось { $left } рабочих дней.
    }
deadline-reminder-results_upload =
    ⏰ Результаты ещё не загружены: { $title }{ $school }.
    Пришлите файл ФИС ОКО сюда, в бот, до { $due } ({ $left ->
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
deadline-escalation =
    ⚠️ Просрочено: { $title }{ $school }. Срок был { $due }.
    Ответственные получили напоминание.
deadline-escalation-nobody =
    ⚠️ Просрочено: { $title }{ $school }. Срок был { $due }.
    Напомнить некому: у школы нет координатора в боте. Пригласите его командой /invite.
deadline-button-done = ✅ Сделано
deadline-button-mute = 🔕 Не напоминать о таком

report-title = { $title }
