# Горячая линия: вопросы родителей, ответы специалистов, FAQ, статистика; подписки родителей и объявления.

## Темы и статусы обращений

hotline-topic-dates = Сроки и организация
hotline-topic-results = Результаты
hotline-topic-objectivity = Жалоба на необъективность
hotline-topic-other = Другое

hotline-status-new = новое
hotline-status-in_progress = в работе
hotline-status-answered = дан ответ
hotline-status-closed = закрыто

hotline-anonymous = Аноним
hotline-school-none = не указана
hotline-grade = { $grade } класс

## Меню

hotline-menu =
    ☎️ Горячая линия по оценочным процедурам (ВПР)

    Задайте вопрос специалистам управления образования: о сроках и организации ВПР, о результатах, об объективности оценивания. Ответ придёт сюда, обычно в течение { $hours } рабочих часов. Можно остаться анонимным.

    Подпишитесь на новости школы, чтобы получать объявления для родителей вашего класса.
hotline-menu-staff =
    ☎️ Горячая линия по оценочным процедурам (ВПР) — для сотрудников

    Родители задают вопросы боту, обращения приходят в группу специалистов или в личный чат с ботом. Первый ответ — в течение { $hours } рабочих часов, иначе бот сообщит муниципальному координатору.

    Выберите, что нужно сделать:
hotline-menu-ask = ❓ Задать вопрос
hotline-menu-mine = 📋 Мои обращения
hotline-menu-subscribe = 🔔 Подписаться на новости школы
hotline-menu-subscriptions = 📬 Мои подписки
hotline-menu-open = 📥 Открытые обращения
hotline-menu-faq = 📚 Частые вопросы (FAQ)
hotline-menu-stats = 📊 Статистика горячей линии
hotline-menu-broadcast = 📣 Объявление родителям

## Вопрос

hotline-ask-add-or-new = У вас есть открытое обращение. Добавить это сообщение к нему или это новый вопрос?
hotline-ask-add-to = Дополнить обращение №{ $id } ({ $topic })
hotline-ask-new-question = Это новый вопрос
hotline-added = Добавил ваше сообщение к обращению №{ $id }. Специалист его увидит.
hotline-add-failed = Не удалось добавить сообщение к обращению №{ $id }: оно уже закрыто. Задайте новый вопрос: /ask
hotline-ask-topic = О чём ваш вопрос? Выберите тему:
hotline-ask-topic-chosen = Тема: { $topic }
hotline-ask-question = Напишите ваш вопрос одним сообщением. Можно приложить фото или документ — добавьте подпись с вопросом.
hotline-ask-question-kinds = Я принимаю вопрос текстом, фотографией или документом. Чтобы выйти, нажмите /cancel.
hotline-faq-intro = Возможно, ответ на ваш вопрос уже есть:
hotline-faq-did-it-help = Это отвечает на ваш вопрос?
hotline-faq-answer-helped = Ответ нашёлся среди частых вопросов.
hotline-faq-answer-not-helped = Ответа среди частых вопросов нет — вопрос уйдёт специалисту.
hotline-faq-helped = ✅ Да, спасибо
hotline-faq-not-helped = ✉️ Нет, отправить вопрос специалисту
hotline-faq-glad = Рад, что ответ нашёлся! Если появятся другие вопросы, просто напишите сюда.
hotline-ask-school = Укажите школу — так вопрос быстрее попадёт к специалисту вашего района. Напишите номер или название школы, например «школа 5» или «гимназия 79». Можно пропустить.
hotline-ask-school-followed = Укажите школу — так вопрос быстрее попадёт к специалисту вашего района. Выберите школу из ваших подписок или напишите номер или название другой школы. Можно пропустить.
hotline-ask-grade = В каком классе учится ребёнок? Можно пропустить.
hotline-ask-anonymity = Показать специалисту ваше имя? Если выберете «анонимно», специалист не увидит ни имени, ни профиля в Telegram. Ответ всё равно придёт сюда.
hotline-ask-anonymity-named = Специалист увидит ваше имя.
hotline-ask-anonymity-anonymous = Анонимно: специалист не увидит ни имени, ни профиля.
hotline-ask-show-name = 👤 Указать моё имя
hotline-ask-anonymous = 🕶 Анонимно
hotline-ask-failed = Не получилось принять вопрос. Попробуйте ещё раз: /ask
hotline-ticket-created =
    ✅ Обращение №{ $id } принято.
    Специалист ответит здесь, в этом чате, обычно в течение { $hours } рабочих часов. Чтобы дополнить вопрос, просто напишите сюда.
hotline-ticket-created-anonymous =
    ✅ Обращение №{ $id } принято. Специалист не увидит вашего имени.
    Ответ придёт здесь, в этом чате, обычно в течение { $hours } рабочих часов. Чтобы дополнить вопрос, просто напишите сюда.

## Выбор школы и класса

pick-school-skip = Пропустить
pick-school-type = Напишите номер или название школы или нажмите кнопку.
pick-school-none = Не нашёл школу по запросу «{ $query }». Попробуйте написать иначе: только номер («5») или слово из названия («гимназия»).
pick-school-found = Выберите школу из списка или напишите запрос иначе:
pick-school-gave-up = Не удалось найти школу. Попробуйте позже или уточните название в школе.
pick-school-gave-up-optional = Не удалось найти школу — продолжим без неё.
pick-grade-skip = Пропустить
pick-school-chosen = Школа: { $school }
pick-school-not-given = не указана
pick-grade-chosen = Класс: { $grade }
pick-grade-not-given = Класс: не указан
pick-use-buttons = Пожалуйста, выберите вариант кнопкой. Чтобы выйти, нажмите /cancel.

## Обращения пользователя

hotline-mine-none = У вас нет открытых обращений.
hotline-mine-title = Ваши обращения:
hotline-mine-line = №{ $id } · { $topic } · { $status } · от { $date }
hotline-mine-hint = Чтобы дополнить открытое обращение, ответьте на сообщение специалиста или просто напишите сюда.
hotline-button-rate = { $rating } ⭐
hotline-button-user-reopen = 🔄 Открыть обращение снова
hotline-button-user-reopen-id = 🔄 Открыть снова №{ $id }
hotline-rated-closed = Спасибо за оценку ({ $rating } из 5)! Обращение №{ $id } закрыто. Если появятся вопросы, просто напишите сюда.
hotline-rated = Спасибо за оценку ({ $rating } из 5)!
hotline-already-rated = Вы уже оценили ответ по обращению №{ $id }. Спасибо!
hotline-ticket-unknown = Не нашёл такого обращения. Откройте список: /mytickets
hotline-reopened = Обращение №{ $id } снова открыто. Напишите, что осталось неясным, — специалист ответит здесь.
hotline-reopen-not_closed = Обращение №{ $id } ещё открыто: просто напишите, что хотите добавить.
hotline-reopen-already_reopened = Обращение №{ $id } уже открывали повторно. Задайте, пожалуйста, новый вопрос: /ask
hotline-reopen-too_late = Обращение №{ $id } закрыто больше { $days } дней назад, открыть его снова нельзя. Задайте, пожалуйста, новый вопрос: /ask
hotline-closed-ticket = Обращение №{ $id } уже закрыто. Можно открыть его снова или задать новый вопрос.

## Пересылка сообщений

hotline-relay-from-user = 👤 { $sender } · обращение №{ $id }:
hotline-relay-answer = 💬 Ответ специалиста по обращению №{ $id }:
hotline-relay-answer-footer = Если вопрос решён, оцените ответ — обращение закроется. Если нет, ответьте на это сообщение или просто напишите сюда.
hotline-relay-staff-in-topic = ↩️ Ответ ({ $name }, { $at }):
hotline-relay-note-in-topic = 📝 Заметка ({ $name }, { $at }):
hotline-relay-attachment-lost = [вложение было в удалённой теме и не сохранилось]
hotline-history-attachment = [вложение]

hotline-topic-name = №{ $id } · { $topic } · { $status }
hotline-card =
    📨 Обращение №{ $id }
    Тема: { $topic }
    Школа: { $school }{ $grade ->
        [0] {""}
       *[other] , { $grade } класс
    }
    От: { $sender }
    Создано: { $created }

    { $where ->
        [private] Ответить — кнопкой «✍️ Ответить»: ответ уйдёт пользователю от имени горячей линии.
       *[topic] Ответ — сообщением в этой теме, он уйдёт пользователю от имени горячей линии. Сообщение, начатое с «!», — внутренняя заметка, пользователь её не увидит. /faq в ответ на ваше сообщение сохранит вопрос и ответ в FAQ.
    }
hotline-button-take = 🙋 Взять
hotline-button-close = ✅ Закрыть
hotline-button-reopen = 🔄 Открыть снова
hotline-button-answer = ✍️ Ответить
hotline-button-to-faq = 📚 Сохранить в FAQ

## События

hotline-event-taken = 🙋 { $name } взял(а) обращение в работу.
hotline-event-closed-user = ✅ Пользователь закрыл обращение.
hotline-event-closed-user-rated = ✅ Пользователь оценил ответ: { $rating } из 5. Обращение закрыто.
hotline-event-closed-auto = ✅ Обращение закрыто автоматически: после ответа пользователь долго не писал.
hotline-event-closed-staff = ✅ { $name } закрыл(а) обращение.
hotline-event-reopened-user = 🔄 Пользователь снова открыл обращение.
hotline-event-reopened-staff = 🔄 { $name } снова открыл(а) обращение.
hotline-event-escalated = ⏰ Нет ответа дольше { $hours } рабочих часов: сообщили муниципальному координатору.
hotline-event-blocked = ⚠️ Ответ по обращению №{ $id } не доставлен: пользователь заблокировал бота.
hotline-history-blocked = ⚠️ Ответ не доставлен: пользователь заблокировал бота.
hotline-event-in-private = №{ $id } · { $event }
hotline-notice-closed-staff = ✅ Специалист закрыл обращение №{ $id }. Оцените, пожалуйста, ответ. Если вопрос остался, откройте обращение снова.
hotline-notice-closed-auto = ✅ Обращение №{ $id } закрыто: после ответа вы давно не писали. Если вопрос остался, откройте его снова.
hotline-notice-reopened = 🔄 Специалист снова открыл обращение №{ $id }. Ответ придёт сюда.

## Специалисты

hotline-link-not-forum = Для горячей линии нужна группа с темами. Включите темы в настройках группы и повторите /hotline_link.
hotline-link-not-admin = Сделайте бота администратором группы с правом управлять темами и повторите /hotline_link.
hotline-link-not-allowed = Подключать группу горячей линии могут администраторы и муниципальные координаторы.
hotline-linked = Группа подключена к горячей линии. Каждое новое обращение получит здесь свою тему.
hotline-linked-municipality = Группа подключена к горячей линии: { $municipality }. Каждое новое обращение получит здесь свою тему.
hotline-unlinked = Группа отключена от горячей линии. Новые обращения специалисты получат в личных сообщениях с ботом.
hotline-unlink-not-linked = Эта группа не подключена к горячей линии.
hotline-topic-closed = Обращение №{ $id } закрыто, ответ не отправлен. Чтобы ответить, сначала откройте его снова кнопкой «Открыть снова».
hotline-topic-not-staff = Отвечать пользователям могут только специалисты горячей линии. Сообщение не отправлено.
hotline-taken = Обращение №{ $id } за вами.
hotline-closed = Обращение №{ $id } закрыто.
hotline-staff-reopened = Обращение №{ $id } снова открыто.
hotline-staff-refused-closed = Обращение №{ $id } закрыто. Сначала откройте его снова.
hotline-staff-refused-unchanged = С обращением №{ $id } это уже сделано.
hotline-staff-refused-not_allowed = Это обращение вне вашей зоны ответственности или у вас нет роли специалиста горячей линии.
hotline-staff-refused-not_found = Не нашёл обращение №{ $id }.
hotline-answer-in-private = Ответить можно в личном чате с ботом или сообщением в теме обращения.
hotline-answer-prompt = Напишите ответ на обращение №{ $id } одним сообщением (можно с фото или документом). Пользователь не увидит вашего имени. Отменить: /cancel
hotline-answer-sent = Ответ по обращению №{ $id } отправлен.
hotline-open-none = Открытых обращений нет.
hotline-open-title = Открытые обращения: { $count }. Сначала — те, что ждут дольше.
hotline-open-line =
    №{ $id } · { $topic } · { $status } · ждёт { $waited } раб. ч
    { $asker }: { $preview }
hotline-history-user = 👤 { $author }, { $at }:
    { $text }
hotline-history-staff = 💬 { $author }, { $at }:
    { $text }
hotline-history-note = 📝 { $author }, { $at }:
    { $text }
hotline-history-event = { $at }: { $text }
hotline-faq-saved = 📚 Вопрос и ответ сохранены в FAQ под номером { $id }. Проверьте в /faq, нет ли в вопросе личных данных, и при необходимости поправьте формулировку.
hotline-faq-no_answer = В этом обращении нет текстового ответа специалиста, сохранять в FAQ нечего.
hotline-faq-no_question = В этом обращении нет текстового вопроса, сохранять в FAQ нечего.

hotline-escalation =
    ⏰ Обращение №{ $id } ждёт ответа { $waited } раб. ч (норма — { $norm }).
    Тема: { $topic }. Школа: { $school }{ $grade ->
        [0] {""}
       *[other] , { $grade } класс
    }.
    Посмотреть и ответить: /tickets
hotline-digest-title = ☀️ Открытые обращения на утро: { $count }
hotline-digest-line = №{ $id } · { $topic } · { $status } · ждёт { $waited } раб. ч{ $assignee ->
        [none] {""}
       *[other] {" "}· { $assignee }
    }

## Статистика

hotline-stats-text =
    📊 Горячая линия за { $month }
    Обращений: { $tickets }
    · сроки и организация — { $dates }
    · результаты — { $results }
    · жалобы на необъективность — { $objectivity }
    · другое — { $other }
    С ответом: { $answered }; медиана первого ответа — { $median } раб. ч
    Оценок: { $rated }, средняя — { $mean }
    Эскалировано координатору: { $escalated }
    Закрыто автоматически: { $auto }
    Вопросов, решённых ответом из FAQ: { $faq }
hotline-stats-caption = Обращения за { $month } (XLSX)
hotline-stats-this-month = Этот месяц
hotline-stats-last-month = Прошлый месяц
hotline-stats-not-allowed = Статистика горячей линии доступна муниципальным координаторам и администраторам.
hotline-stats-bad-month = Не понял месяц.
hotline-stats-sheet-summary = Сводка
hotline-stats-sheet-tickets = Обращения
hotline-stats-month = Месяц
hotline-stats-tickets = Обращений
hotline-stats-answered = С ответом
hotline-stats-median-hours = Медиана первого ответа, рабочих часов
hotline-stats-rating = Оценка { $rating }
hotline-stats-mean-rating = Средняя оценка
hotline-stats-escalated = Эскалировано координатору
hotline-stats-auto-closed = Закрыто автоматически
hotline-stats-faq = Решено ответом из FAQ
hotline-stats-col-id = №
hotline-stats-col-created = Создано
hotline-stats-col-topic = Тема
hotline-stats-col-school = Школа
hotline-stats-col-grade = Класс
hotline-stats-col-status = Статус
hotline-stats-col-first-response = Первый ответ, раб. ч
hotline-stats-col-rating = Оценка
hotline-stats-col-escalated = Эскалация
hotline-stats-col-question = Вопрос
hotline-stats-yes = да

## FAQ

faq-title = 📚 Частые вопросы: { $count } (страница { $page } из { $pages }). Нажмите на вопрос, чтобы прочитать или изменить его.
faq-button-add = ➕ Добавить
faq-button-export = 📤 Выгрузить XLSX
faq-button-import = 📥 Загрузить XLSX
faq-button-edit-question = ✏️ Вопрос
faq-button-edit-answer = ✏️ Ответ
faq-button-delete = 🗑 Удалить
faq-button-delete-yes = Да, удалить
faq-delete-confirm = Удалить вопрос №{ $id } из FAQ?
faq-deleted = Вопрос №{ $id } удалён из FAQ.
faq-not-found = Такого вопроса в FAQ нет.
faq-not-allowed = FAQ ведут специалисты горячей линии.
faq-ask-question = Напишите вопрос так, как его задал бы родитель (до 300 знаков).
faq-ask-answer = Теперь напишите ответ (до 3500 знаков).
faq-ask-new-question = Напишите новую формулировку вопроса №{ $id }.
faq-ask-new-answer = Напишите новый ответ на вопрос №{ $id }.
faq-saved = Сохранено в FAQ: №{ $id }.
faq-too_long-question = Вопрос длиннее 300 знаков. Сократите его и попробуйте ещё раз.
faq-too_long-answer = Ответ длиннее 3500 знаков. Сократите его и попробуйте ещё раз.
faq-empty-question = Вопрос пустой. Попробуйте ещё раз.
faq-empty-answer = Ответ пустой. Попробуйте ещё раз.
faq-export-caption = FAQ горячей линии. Поправьте вопросы и ответы, добавьте новые строки без номера и пришлите файл обратно кнопкой «Загрузить XLSX».
faq-import-send = Пришлите XLSX с колонками «№», «Вопрос», «Ответ» (как в выгрузке). Строка с номером меняет вопрос, строка без номера добавляет новый.
faq-imported = FAQ обновлён: добавлено { $added }, изменено { $updated }.
faq-import-refused = Файл не принят, FAQ не изменён:
faq-import-too-large = Файл больше 20 МБ — такой бот скачать не может.
faq-problem-row = Строка { $row }:
faq-problem-question-missing = нет вопроса.
faq-problem-answer-missing = нет ответа.
faq-problem-question-too-long = вопрос длиннее 300 знаков.
faq-problem-answer-too-long = ответ длиннее 3500 знаков.
faq-problem-id-unknown = вопроса с таким номером в FAQ нет; чтобы добавить новый, оставьте номер пустым.
faq-problem-id-duplicate = этот номер уже встречался выше.
faq-problem-no-rows = в файле нет ни одного вопроса.
faq-problem-header-missing = на первом листе нет колонок «Вопрос» и «Ответ» в первой строке.

## Подписки родителей и объявления

parents-ask-school = Новости какой школы вы хотите получать? Напишите номер или название школы, например «школа 5».
parents-ask-grade = В каком классе учится ребёнок?
parents-subscribed = 🔔 Готово! Вы будете получать объявления для родителей: { $school }, { $grade } класс. Отписаться можно в «Мои подписки».
parents-already-subscribed = Вы уже подписаны: { $school }, { $grade } класс.
parents-subscribe-failed = Не удалось оформить подписку. Попробуйте ещё раз: /subscribe
parents-none = У вас нет подписок на новости школ.
parents-title = Ваши подписки:
parents-line = · { $school }, { $grade } класс
parents-unsubscribe-hint = Чтобы отписаться, нажмите на подписку.
parents-unsubscribe-button = ✖️ { $school }, { $grade } кл.
parents-unsubscribed = Подписка отменена.
parents-unsubscribe-unknown = Такой подписки уже нет.
parents-broadcast-header = 📣 Объявление для родителей: { $school }, { $grade } класс
parents-bc-school-own = Для какой школы объявление? Выберите её или напишите номер или название.
parents-bc-school = Для какой школы объявление? Напишите номер или название школы вашего муниципалитета.
parents-bc-grade = Для родителей какого класса?
parents-bc-text = Подписаны родителей: { $recipients }. Напишите текст объявления одним сообщением (до 3500 знаков): сроки процедур, зачем проводятся ВПР и как (не) используются их отметки, публикация результатов.
parents-bc-preview =
    Проверьте объявление.
    Кому: родители, { $school }, { $grade } класс — { $recipients } чел.

    { $text }
parents-bc-send = 📣 Отправить
parents-bc-cancel = Отмена
parents-bc-sent = Объявление №{ $id } поставлено в очередь: { $recipients } получателей. Сообщения уходят постепенно, в пределах ограничений Telegram.
parents-bc-not-allowed = Объявления родителям отправляют школьные и муниципальные координаторы — для своих школ.
parents-bc-refused-empty = Текст объявления пустой.
parents-bc-refused-too_long = Объявление длиннее 3500 знаков. Сократите его.
parents-bc-refused-bad_grade = Класс должен быть от 1 до 11.
parents-bc-refused-not_allowed = Эта школа вне вашей зоны ответственности.
parents-bc-refused-not_found = Такой школы нет в справочнике.

unknown-ask-hotline = ☎️ Задать вопрос на горячую линию
