# Общественные наблюдатели: запись, обучение и тест, решение координатора, сеансы, распределение, подтверждение, акт.

## Общие строки о сеансе

observers-session-lines =
    Школа: { $school }
    Адрес: { $address }
    Процедура: { $procedure }
    Дата и время: { $when }
observers-address-unknown = уточните у координатора
observers-none = нет

## Заявка, решение координатора

observers-application =
    Новая заявка в общественные наблюдатели.
    { $name }, телефон { $phone }
    Работает: { $work }
    Дети учатся: { $children }
    Тест пройден: { $score } из { $total }.
observers-approve-button = ✅ Одобрить
observers-reject-button = ✖️ Отклонить
observers-approved = Координатор одобрил вашу заявку: теперь вы общественный наблюдатель. Когда вас назначат на процедуру, я пришлю школу, дату и время — назначение нужно будет подтвердить.
observers-rejected =
    Координатор отклонил вашу заявку в общественные наблюдатели.
    Причина: { $reason }
    Если есть вопросы, обратитесь в муниципальный орган управления образованием.

## Назначение

observers-offer-head = Вас назначили общественным наблюдателем.
observers-offer-bring = Что взять с собой: { $bring }
observers-bring-default = паспорт; если координатор выдал бланк акта — распечатанный бланк.
observers-offer-declaration = Пожалуйста, ответьте до { $until }. Нажимая «Подтверждаю», вы заявляете: «Я подтверждаю, что у меня нет личной заинтересованности в результатах ВПР в этой школе и в этом классе».
observers-offer-confirm = ✅ Подтверждаю
observers-offer-decline = Не смогу
observers-offer-conflict = ⚠️ Конфликт интересов
observers-offer-expired = Вы не ответили на назначение вовремя, поэтому координатор подберёт другого наблюдателя.

observers-replacement-head = { $name } { $reason }
observers-end-declined = отказался(-ась) от назначения.
observers-end-conflict = сообщил(а) о конфликте интересов и снят(а) с назначения.
observers-end-no_answer = не ответил(а) на назначение вовремя.
observers-end-withdrawn = больше не участвует в программе наблюдения.
observers-end-detected_conflict = указал(а) в анкете школу, где у него (неё) конфликт интересов; назначение снято.
observers-end-removed = снят(а) координатором.
observers-replacement-offer = Предлагаю замену: { $candidate }.
observers-replacement-none = Подходящей замены не нашлось: все свободные в этот день наблюдатели либо заняты, либо связаны со школой.
observers-replacement-accept = Назначить: { $candidate }
observers-replacement-other = Другой кандидат
observers-replacement-none-button = Оставить без наблюдателя

## Напоминания

observers-reminder-evening = Напоминаю: завтра вы общественный наблюдатель.
observers-reminder-morning = Сегодня вы общественный наблюдатель. Приходите заранее и не вмешивайтесь в ход работы; о нарушениях сообщайте через бот.
observers-act-request = Пожалуйста, заполните акт наблюдения до { $due }.
observers-act-button = 📝 Заполнить акт

## Акт наблюдения

observers-stage-preparation = подготовка материалов (скачивание, распечатывание)
observers-stage-handover = передача материалов организатору
observers-stage-conduct = проведение ВПР в аудитории
observers-stage-checking = проверка работ
observers-stage-forms = заполнение и загрузка форм

observers-violation-infosec = Не соблюдалась информационная безопасность при подготовке и (или) передаче материалов ВПР
observers-violation-late_entry = Вход участников в аудиторию начался после звонка на урок, отведённый для работы
observers-violation-no_briefing = Не проведён (или проведён не полностью) инструктаж участников
observers-violation-devices = У участников были телефоны или другие средства связи, шпаргалки, справочные материалы
observers-violation-reference = В аудитории были открыты справочные материалы по предмету (плакаты, таблицы)
observers-violation-prompting = Участникам подсказывали или помогали (учитель, организатор, другие лица)
observers-violation-duration = Нарушена продолжительность работы (начало, окончание, дополнительное время)
observers-violation-tasks_leaked = Задания ВПР фотографировались или выносились из аудитории
observers-violation-not_collected = Работы не были собраны и переданы ответственному организатору сразу после окончания
observers-violation-criteria = Работы проверялись не по опубликованным критериям
observers-violation-corrections = В работах участников делались исправления
observers-violation-forms_differ = Результаты в форме отличаются от проверенных работ
observers-violation-other = Другое

observers-violation-alert =
    ⚠️ Наблюдатель сообщил о нарушениях.
    Наблюдатель: { $name }, телефон { $phone }
observers-act-comment-line = Комментарий наблюдателя: { $comment }

## Выгрузка актов

observers-xlsx-sheet = Акты наблюдения
observers-xlsx-title = Акты общественного наблюдения
observers-xlsx-subtitle = Актов: { $count }. Время — местное время муниципалитета.
observers-xlsx-col-id = № акта
observers-xlsx-col-municipality = Муниципалитет
observers-xlsx-col-school = Школа
observers-xlsx-col-login = Логин
observers-xlsx-col-procedure = Процедура
observers-xlsx-col-date = Дата
observers-xlsx-col-observer = Наблюдатель
observers-xlsx-col-stages = Этапы наблюдения
observers-xlsx-col-start = Начало
observers-xlsx-col-end = Окончание
observers-xlsx-col-violations = Нарушения
observers-xlsx-col-list = Выявленные нарушения и комментарии
observers-xlsx-col-comment = Комментарий
observers-xlsx-col-photos = Фото
observers-xlsx-col-due = Срок подачи
observers-xlsx-col-filed = Подан
observers-xlsx-col-on-time = В срок
observers-xlsx-none = не выявлены
observers-xlsx-late = с опозданием
observers-xlsx-on-time = да
observers-xlsx-withdrawn = (данные удалены по просьбе наблюдателя)
observers-xlsx-note = Фотографии хранятся в Telegram; в таблице — их число. Срок подачи акта — до 12:00 следующего рабочего дня после процедуры.
