# Расписание процедур: шаблон, загрузка, ввод и подтверждение дат.

schedule-no-sheet = в книге нет листа «{ $sheet }». Скачайте шаблон командой /schedule.
schedule-headers = заголовки не совпадают с шаблоном. Скачайте свежий шаблон командой /schedule.
schedule-too-many-rows = больше { $limit } строк — это не похоже на расписание одного муниципалитета.
schedule-login = «{ $value }» — не логин школы ФИС ОКО (например, edu223017)
schedule-kind = «{ $value }»: укажите процедуру — ВПР или КДР
schedule-subject = «{ $value }» — предмет не распознан; выберите из списка
schedule-grade = «{ $value }»: класс — целое число от 1 до 11
schedule-date = «{ $value }» — не дата; пишите ДД.ММ.ГГГГ
schedule-start = «{ $value }» — не время; пишите ЧЧ:ММ, например 09:00
schedule-rooms = «{ $value }»: число аудиторий — от 1 до 100
schedule-day-off = { $date } — выходной или праздничный день; работы в такие дни не проводятся
schedule-no-calendar = на { $year } год нет производственного календаря; попросите администратора загрузить его (/calendar)
schedule-outside-window = { $date } — вне федерального окна ВПР { $year } года ({ $from } — { $to }); школа выбирает дату внутри окна
schedule-duplicate = эта же работа в этот же день уже есть в строке { $row }
schedule-unknown-school = школы { $login } нет в справочнике бота; загрузите форму «Сбор контекстных данных» или пригласите школу
schedule-outside-scope = школа { $login } вне вашей зоны ответственности

schedule-confirm-request = 🗓 Координатор внёс даты процедур вашей школы ({ $count }). Проверьте и подтвердите их:
schedule-confirm-line = • { $date } — { $procedure }
schedule-more = …и ещё { $count }.
schedule-button-confirm-all = ✅ Подтвердить все даты
schedule-button-open = 🗓 Открыть расписание

schedule-title = 🗓 Расписание процедур
schedule-empty = Расписание пока пустое. Скачайте шаблон, впишите даты работ и пришлите файл обратно — или добавьте дату кнопкой.
schedule-line = { $date } — { $procedure }: { $school }{ $confirmed ->
    [yes] {" "}✅
   *[no] {" "}⏳
}
schedule-list-more = …и ещё { $count }. Полный список — в шаблоне.
schedule-legend = ✅ — дата подтверждена школой, ⏳ — ждёт подтверждения.
schedule-provisional = Даты { $year } года считаются по предварительному производственному календарю.
schedule-button-template = ⬇️ Шаблон с расписанием
schedule-button-upload = ⬆️ Загрузить расписание
schedule-button-add = ➕ Добавить дату
schedule-button-confirm = ✅ Подтвердить даты школы
schedule-not-allowed = Расписание ведут координаторы: муниципальный — для всех школ, школьный — для своей школы.
schedule-template-caption = Расписание процедур: одна строка — одна работа. Заполните и пришлите обратно сюда командой /schedule.
schedule-send-file = Пришлите заполненный шаблон расписания (.xlsx). /cancel — отменить.
schedule-imported = Расписание сохранено: добавлено { $added }, изменено { $changed }, удалено { $removed }, без изменений { $unchanged } (школ: { $schools }). Сроки и напоминания пересчитаны.
schedule-rejected = Расписание не сохранено, ничего не изменилось. Исправьте, пожалуйста ({ $count }):
schedule-confirmed = Подтверждено дат: { $count }. Спасибо!
schedule-nothing-to-confirm = Все даты вашей школы уже подтверждены.
schedule-ask-school = Для какой школы? Пришлите логин ФИС ОКО, например edu223017.
schedule-school-unknown = Не нашёл такую школу среди ваших. Пришлите логин, например edu223017.
schedule-ask-kind = Какая процедура?
schedule-ask-subject = Предмет:
schedule-ask-grade = Класс:
schedule-grade-button = { $grade } класс
schedule-ask-date = Дата работы (ДД.ММ.ГГГГ):
schedule-bad-date = Не понял дату. Напишите, например, 21.04.2026.
schedule-ask-start = Во сколько начало (ЧЧ:ММ)? Можно не указывать.
schedule-button-no-start = Не указывать
schedule-bad-start = Не понял время. Напишите, например, 09:00, или нажмите «Не указывать».
schedule-saved = Дата сохранена: { $date } — { $procedure }, { $school }.{ $confirmed ->
    [yes] {" "}Она подтверждена.
   *[no] {" "}Школьный координатор получил просьбу её подтвердить.
}
schedule-use-buttons = Пожалуйста, выберите вариант кнопкой.
