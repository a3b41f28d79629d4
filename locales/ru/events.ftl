# События (инструктажи, семинары, вебинары, собеседования) и документы от школ к сроку.

event-title-briefing = Инструктаж: { $title }
event-title-seminar = Семинар: { $title }
event-title-webinar = Вебинар: { $title }
event-title-interview = Собеседование: { $title }
event-invitation = 📅 Приглашение. { $title } — { $when }{ $place ->
    [none] .
   *[other] , { $place }.
} Накануне и в день события я напомню.
event-cancelled = ✖️ Отменено: { $title } ({ $when }).
event-title = укажите название — до 200 знаков
event-date = дата не распознана
event-time = время не распознано
event-past = это время уже прошло
event-roles = выберите, кого приглашать
event-schools = среди школ есть чужие для этого муниципалитета
event-nobody = по этому выбору в боте никого нет — некого приглашать. Сначала пригласите коллег командой /invite.

events-title = 📅 События
events-none = Ближайших событий нет.
events-line = { $number }. { $when } — { $title }{ $place ->
    [none] {""}
   *[other] {" "}({ $place })
}. Приглашено: { $invited }.
events-line-past = { $number }. (прошло) { $when } — { $title }. Отмечено присутствие: { $attended } из { $invited }.
events-line-cancelled = { $number }. (отменено) { $when } — { $title }.
events-button-attendance = 👥 { $number }
events-button-cancel = ✖️ { $number }
events-button-new = ➕ Новое событие
events-not-allowed = События создают и отмечают присутствие муниципальные координаторы.
events-gone = Этого события уже нет.
events-attendance = 👥 { $title }, { $when }. Были: { $present } из { $invited }. Нажмите на имя: ✅ был, ❌ не был, ➖ не отмечено.
events-cancel-sure = Отменить событие? Приглашённые получат сообщение об отмене.
events-button-cancel-sure = Да, отменить
events-cancelled = Событие отменено, приглашённым отправлено сообщение.
events-ask-kind = Что проводим?
events-kind-briefing = Инструктаж координаторов
events-kind-seminar = Семинар для учителей
events-kind-webinar = Вебинар
events-kind-interview = Собеседование с администрацией школы
events-ask-title = Название или тема (до 200 знаков):
events-bad-title = Напишите название короче 200 знаков.
events-ask-date = Дата (ДД.ММ.ГГГГ):
events-bad-date = Не понял дату. Напишите, например, 21.04.2026.
events-ask-time = Время начала (ЧЧ:ММ):
events-bad-time = Не понял время. Напишите, например, 15:00.
events-ask-place = Где проходит (адрес, аудитория или ссылка)?
events-button-no-place = Не указывать
events-ask-audience = Кого пригласить?
events-audience-coordinators = Школьных координаторов
events-audience-teachers = Учителей
events-audience-school-staff = Координаторов и учителей
events-audience-observers = Общественных наблюдателей
events-ask-scope = Из каких школ?
events-scope-all = Все школы муниципалитета
events-scope-some = Выбрать школы
events-ask-schools = Пришлите логины школ через пробел или запятую, например: edu223017 edu223018
events-bad-schools = Не все логины узнал среди ваших школ. Пришлите их ещё раз, например: edu223017 edu223018
events-created = Событие создано, приглашения отправлены: { $invited }. Напоминания придут накануне и в день события.

report-request =
    📄 Координатор просит прислать документ: { $title }.
    Срок — { $due }.{ $details ->
        [none] {""}
       *[other] {"\u000A"}{ $details }
    }
    Нажмите «Загрузить» и пришлите файл.
report-button-upload = 📎 Загрузить
report-title-bad = укажите название документа — до 200 знаков
report-date-bad = дата срока не распознана
report-date-past = срок уже прошёл — укажите дату в будущем
report-schools-bad = среди школ есть чужие для этого муниципалитета
report-no-schools = в муниципалитете нет школ — некого просить
report-file-empty = файл пустой — пришлите его ещё раз
report-file-too-large = Файл больше 20 МБ — Telegram не даёт ботам получать такие. Сожмите его или разделите.

reports-title = 📄 Документы от школ
reports-none = Запросов документов нет.
reports-line = { $number }. { $title } — до { $due }: получено { $received } из { $schools }{ $overdue ->
    [0] {""}
   *[other] , просрочено { $overdue }
}
reports-line-own = { $number }. { $title } — до { $due }: { $status ->
    [received] ✅ ваш файл получен
    [overdue] ⚠️ срок прошёл, ждём ваш файл
   *[missing] ⏳ ждём ваш файл
}
reports-button-upload = 📎 { $number }
reports-button-replace = 🔁 { $number }
reports-button-status = 📊 { $number }
reports-button-new = ➕ Запросить документ
reports-not-allowed = Документы запрашивают муниципальные координаторы, присылают школьные координаторы.
reports-not-asked = Этот запрос не адресован вашей школе.
reports-gone = Этого запроса больше нет: его отозвали.
reports-status-title = 📊 { $title } — срок { $due }. Получено { $received } из { $schools }:
reports-status-received = { $mark } { $school } — «{ $file }»
reports-status-waiting = { $mark } { $school }
reports-status-nobody = { $mark } { $school } — у школы нет координатора в боте, запрос не дошёл
reports-button-download = ⬇️ Скачать всё ({ $count })
reports-button-withdraw = ✖️ Отозвать запрос
reports-withdraw-sure = Отозвать запрос? Напоминания школам прекратятся; полученные файлы останутся.
reports-button-withdraw-sure = Да, отозвать
reports-withdrawn = Запрос отозван, напоминаний больше не будет.
reports-nothing-received = Пока ни одна школа не прислала файл.
reports-archive-caption = Все полученные файлы ({ $files }), каждый подписан логином и названием школы.
reports-ask-school = Для какой школы документ?
reports-send-file =
    📄 { $title } — срок { $due }.{ $details ->
        [none] {""}
       *[other] {"\u000A"}{ $details }
    }
    Пришлите файл документа (любой формат, до 20 МБ).{ $replace ->
        [yes] {" "}Новый файл заменит присланный раньше.
       *[no] {""}
    } /cancel — отменить.
reports-send-as-file = Пришлите документ файлом (скрепка → «Файл»), или /cancel.
reports-received = Получено: «{ $file }» ({ $school }).{ $replaced ->
    [yes] {" "}Прежний файл заменён.
   *[no] {""}
}{ $late ->
    [yes] {" "}Срок уже прошёл, но файл принят — координатор его увидит.
   *[no] {" "}Спасибо!
}
reports-ask-title = Какой документ нужен? Напишите название, например «Справка о самообследовании по итогам ВПР».
reports-ask-details = Что именно должно быть в документе? Можно не уточнять.
reports-button-no-details = Без уточнений
reports-ask-due = К какой дате (ДД.ММ.ГГГГ)?
reports-ask-scope = У каких школ запросить?
reports-requested = Запрос отправлен: школ { $schools }.{ $nobody ->
    [0] {""}
   *[other] {" "}У { $nobody } из них нет координатора в боте — им запрос не дошёл; пригласите координаторов командой /invite.
} Я напомню школам перед сроком и сообщу вам о просрочке.
