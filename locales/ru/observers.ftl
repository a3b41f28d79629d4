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

observers-replacement-head = { $name }: { $reason }
observers-end-declined = отказ от назначения.
observers-end-conflict = заявлен конфликт интересов, назначение снято.
observers-end-no_answer = нет ответа на назначение в срок.
observers-end-withdrawn = выход из программы наблюдения, назначение снято.
observers-end-detected_conflict = в анкете теперь указана эта школа (место работы или учёбы детей) — конфликт интересов, назначение снято.
observers-end-removed = назначение снято координатором.
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

## Раздел «Наблюдатели»

help-observers = /observers — общественные наблюдатели: запись, обучение, назначения, акты
observers-intro =
    Общественные наблюдатели присутствуют на ВПР и других оценочных процедурах и фиксируют, соблюдаются ли правила. Наблюдателем может стать любой совершеннолетний: родитель, представитель общественности, сотрудник другой школы.
    Порядок такой: анкета → короткое обучение и тест → решение муниципального координатора → назначения на процедуры в школах, где у вас нет конфликта интересов.
observers-intro-invited = Вас пригласили в общественные наблюдатели. Заполните анкету, пройдите короткое обучение и тест — после этого координатор подтвердит заявку.
observers-status-registered = Анкета заполнена. Следующий шаг — короткое обучение и тест из 14 вопросов.
observers-status-awaiting_approval = Тест пройден ({ $score } из 14). Заявка ждёт решения муниципального координатора — я сообщу, когда он её рассмотрит.
observers-status-approved = Вы общественный наблюдатель. Здесь — ваши назначения и акты.
observers-status-rejected = Координатор отклонил заявку. Причина: { $reason }
observers-status-withdrawn = Вы отозвали согласие.
observers-profile =
    Ваша анкета
    ФИО: { $name }
    Телефон: { $phone }
    Муниципалитет: { $municipality }
    Где работаете: { $work }
    Где учатся дети: { $children }
    Когда можете наблюдать: { $availability }
observers-button-signup = 📝 Заполнить анкету
observers-button-edit = ✏️ Изменить анкету
observers-button-lessons = 📖 Обучение
observers-button-quiz = ✅ Пройти тест
observers-button-quiz-start = ✅ Начать тест
observers-button-withdraw = Отозвать согласие и удалить данные
observers-button-mine = 📅 Мои назначения
observers-button-acts = 📝 Заполнить акт
observers-button-apps = 📋 Заявки ({ $count })
observers-button-sessions = 📅 Сеансы
observers-button-session = ➕ Добавить сеанс
observers-button-propose = 🧩 Подобрать наблюдателей
observers-button-export = 📊 Акты (XLSX)
observers-use-buttons = Пожалуйста, ответьте кнопкой под сообщением.
observers-done = Готово
observers-keep = Оставить: { $value }
observers-more = …и ещё { $count }
observers-gone = Этого уже нет: запись удалена или изменена.
observers-not-yours = Это назначение не ваше, ответить на него нельзя.
observers-any-day = любой день
observers-weekday-mon = пн
observers-weekday-tue = вт
observers-weekday-wed = ср
observers-weekday-thu = чт
observers-weekday-fri = пт
observers-weekday-sat = сб
observers-weekday-sun = вс

## Анкета

observers-signup-intro = Заполним анкету наблюдателя: ФИО, телефон, где вы работаете и где учатся ваши дети (чтобы не назначить вас туда, где у вас конфликт интересов), и когда вы можете наблюдать. В конце покажу текст согласия на обработку данных; без согласия ничего не сохраняется. Прервать можно командой /cancel.
observers-signup-edit-intro = Изменим анкету. На каждом шаге можно оставить прежний ответ кнопкой «Оставить». Прервать — /cancel.
observers-signup-no-municipalities = Запись пока недоступна: в боте ещё нет ни одного муниципалитета. Обратитесь в орган управления образованием.
observers-signup-name = Напишите фамилию, имя и отчество (например: Иванова Мария Петровна).
observers-signup-name-invalid = Не получилось прочитать ФИО: нужно от двух до четырёх слов из букв, например «Иванова Мария Петровна». Напишите ещё раз.
observers-signup-phone = Поделитесь номером телефона кнопкой «Отправить мой номер» внизу — так номер придёт из Telegram без опечаток.
observers-signup-phone-button = 📱 Отправить мой номер
observers-signup-phone-keep = Оставить прежний номер
observers-signup-phone-use-button = Номер принимаю только кнопкой «Отправить мой номер» внизу экрана: так я знаю, что это ваш номер.
observers-signup-phone-not-own = Это контакт другого человека, а нужен ваш собственный номер. Нажмите кнопку «Отправить мой номер».
observers-signup-phone-saved = Спасибо, номер записал.
observers-signup-municipality = В каком муниципалитете вы готовы наблюдать?
observers-signup-work = Вы работаете в школе? Если да — напишите её название или логин (например, «гимназия 2» или edu223017): найду среди школ: { $municipality }.
observers-signup-work-none = Не работаю в школе
observers-signup-children = В каких школах учатся ваши дети (или внуки, братья, сёстры, подопечные)? Напишите название или логин школы — по одной.
observers-signup-children-none = Ни в каких школах этого района
observers-signup-school-not-found = Не нашёл школу «{ $query }» ({ $municipality }). Попробуйте часть названия, номер или логин вида edu223017.
observers-signup-school-choose = Выберите школу:
observers-signup-school-added = Записал: { $schools }. Если есть ещё школа — напишите её название; если нет — нажмите «Готово».
observers-signup-availability = Когда вы можете наблюдать? Напишите дни недели и (или) даты через запятую, например: «пн, ср, 21.04, 23.04–25.04». Или нажмите «любой день».
observers-signup-availability-unknown = Не понял: { $words }. Напишите дни недели (пн, вт, ср…) и даты вида 21.04 через запятую.
observers-signup-availability-saved = Записал, когда вы можете наблюдать: { $days }.
observers-consent-text =
    Согласие на обработку персональных данных
    Я даю согласие муниципальному органу управления образованием на обработку персональных данных, которые сообщаю в этой анкете: фамилия, имя, отчество, номер телефона, муниципалитет, школа, где я работаю, школы, где учатся мои дети, дни, когда я могу наблюдать.
    Цель обработки — организация общественного наблюдения за оценочными процедурами: обучение, назначение на процедуры без конфликта интересов, связь со мной, приём актов наблюдения.
    Согласие действует, пока я его не отзову. Отозвать его можно в любой момент в разделе «Наблюдатели»: мои персональные данные будут удалены, а поданные акты останутся без моего имени.
    (Это типовой текст; орган управления образованием может заменить его своим.)
observers-consent-yes = Даю согласие
observers-consent-no = Не даю согласия
observers-consent-refused = Без согласия на обработку данных анкету сохранить нельзя, поэтому я ничего не сохранил. Если передумаете, начните заново в разделе «Наблюдатели».
observers-consent-refused-edit = Изменения не сохранены: без согласия их принять нельзя. Прежняя анкета осталась как была. Чтобы отозвать согласие совсем, нажмите «Отозвать согласие» в разделе «Наблюдатели».
observers-signup-problems = Анкету не сохранил:
observers-problem-name = ФИО должно состоять из двух–четырёх слов из букв.
observers-problem-phone = Номер телефона не похож на номер.
observers-problem-not_own_contact = Номер должен быть вашим собственным — из кнопки «Отправить мой номер».
observers-problem-municipality = Такого муниципалитета нет.
observers-problem-municipality_fixed = По приглашению вы наблюдаете в своём муниципалитете; сменить его может координатор.
observers-problem-school_outside = Школа должна быть из выбранного муниципалитета.
observers-problem-availability = Укажите хотя бы один день, когда можете наблюдать.
observers-problem-no_consent = Нужно согласие на обработку данных.
observers-signup-saved = Анкета сохранена.
observers-signup-changed = Изменения сохранены.
observers-signup-cancelled = Назначений снято из-за конфликта интересов или смены муниципалитета: { $count }. Координатор подберёт замену.
observers-signup-next = Следующий шаг — короткое обучение (5 уроков) и тест.

## Обучение и тест

observers-lesson-progress = Урок { $current } из { $total }
observers-lesson-next = Дальше ▶️
observers-lesson-1 =
    Зачем нужны общественные наблюдатели
    Всероссийские проверочные работы (ВПР) показывают, как школьники усвоили программу. Результатам можно доверять, только если работа прошла честно: без подсказок, без списывания, без исправленных баллов.
    Общественный наблюдатель присутствует на процедуре и фиксирует, соблюдаются ли правила. В школах из федеральной выборки «ВПР с контролем объективности результатов» работы пишут в присутствии независимых наблюдателей, а проверяет их федеральный организатор.
    Результаты ВПР нельзя использовать для оценки работы учителей и для рейтингов школ.
observers-lesson-2 =
    Когда проходят ВПР
    Школа сама выбирает даты ВПР в пределах периода, установленного Рособрнадзором: регион или муниципалитет не назначает всем школам один общий день. Весной 2026 года ВПР проходят с 20 апреля по 20 мая.
    ВПР пишут на уроках — не после уроков и не на каникулах.
    Школу, дату и время вы получите в боте вместе с назначением.
observers-lesson-3 =
    Этапы, на которых ведётся наблюдение
    1) подготовка материалов (скачивание, распечатывание);
    2) передача материалов организатору;
    3) проведение ВПР в аудитории;
    4) проверка работ;
    5) заполнение и загрузка форм.
    В акте вы отмечаете этапы, на которых присутствовали.
observers-lesson-4 =
    Как вести себя наблюдателю
    Наблюдатель не вмешивается в ход работы: не разговаривает с участниками, не помогает им и не объясняет задания, не делает замечаний вслух при классе.
    Если вы видите нарушение — подсказки, телефоны, вход в аудиторию после звонка, — отметьте время и суть, сразу сообщите координатору через бот и внесите нарушение в акт.
    Задания ВПР нельзя фотографировать и пересылать, даже как доказательство: нарушение описывайте словами. Сфотографировать можно только подписанный бумажный бланк акта.
observers-lesson-5 =
    Конфликт интересов и акт
    Нельзя наблюдать в школе, где вы работаете, и в школе, где учатся ваши дети или другие близкие родственники. Бот не назначит вас туда; если вы узнали о конфликте уже после назначения, нажмите «Конфликт интересов» — координатор подберёт замену.
    Подтверждая назначение, вы заявляете, что у вас нет личной заинтересованности в результатах.
    После процедуры заполните в боте акт наблюдения до 12:00 следующего рабочего дня: этапы, время начала и окончания, «Нарушений не выявлено» или перечень нарушений с комментариями.
observers-quiz-intro = Тест: 14 вопросов, у каждого четыре варианта ответа. Отвечайте кнопкой с буквой варианта; ответ изменить нельзя. Вопросы и варианты перемешаны, результат покажу в конце.
observers-quiz-progress = Вопрос { $current } из { $total }
observers-quiz-letter-a = а
observers-quiz-letter-b = б
observers-quiz-letter-c = в
observers-quiz-letter-d = г
observers-quiz-your-answer = Ваш ответ: { $letter }
observers-quiz-stale = Эта кнопка — от вопроса, на который вы уже ответили, или от завершённого теста, поэтому ответ не принят. Отвечайте на последний вопрос.
observers-quiz-passed = Тест пройден: { $score } из { $total }. Заявка отправлена муниципальному координатору — я сообщу о его решении.
observers-quiz-failed = Правильных ответов: { $score } из { $total }, а нужно не меньше { $pass }. Перечитайте уроки; пройти тест снова можно после { $until }.
observers-quiz-refused-not_registered = Сначала заполните анкету наблюдателя.
observers-quiz-refused-already_passed = Вы уже прошли тест.
observers-quiz-refused-wait = Пройти тест снова можно после { $until }.

observers-quiz-q1 = Кто проверяет работы в школах, попавших в выборку «ВПР с контролем объективности результатов»?
observers-quiz-q1-a = учителя школы
observers-quiz-q1-b = муниципальная комиссия
observers-quiz-q1-c = федеральный организатор
observers-quiz-q1-d = общественный наблюдатель
observers-quiz-q2 = Что обязательно для проведения ВПР в школе, которая попала в такую выборку?
observers-quiz-q2-a = присутствие независимых наблюдателей
observers-quiz-q2-b = видеозапись урока
observers-quiz-q2-c = присутствие директора в аудитории
observers-quiz-q2-d = проведение работы после уроков
observers-quiz-q3 = Может ли регион или муниципалитет назначить всем школам один общий день ВПР?
observers-quiz-q3-a = да, это обязательно
observers-quiz-q3-b = нет: школа сама выбирает даты в пределах установленного периода
observers-quiz-q3-c = да, если так решит директор
observers-quiz-q3-d = только для 4 классов
observers-quiz-q4 = В какой период проводятся ВПР весной 2026 года?
observers-quiz-q4-a = 1 марта — 20 мая
observers-quiz-q4-b = 11 апреля — 16 мая
observers-quiz-q4-c = 20 апреля — 20 мая
observers-quiz-q4-d = 19 сентября — 24 октября
observers-quiz-q5 = Можно ли проводить ВПР после уроков или во время каникул?
observers-quiz-q5-a = можно, если согласны родители
observers-quiz-q5-b = нельзя
observers-quiz-q5-c = можно только после уроков
observers-quiz-q5-d = можно только на каникулах
observers-quiz-q6 = Можно ли использовать результаты ВПР для оценки работы учителя или для рейтинга школ?
observers-quiz-q6-a = да
observers-quiz-q6-b = нет
observers-quiz-q6-c = только для рейтинга школ
observers-quiz-q6-d = только с согласия учителя
observers-quiz-q7 = Вы увидели на столе у ученика распечатку с заданиями ВПР. Можно ли сфотографировать её и отправить в бот как доказательство?
observers-quiz-q7-a = да, обязательно
observers-quiz-q7-b = нет: задания ВПР нельзя фотографировать и распространять — опишите нарушение в акте словами
observers-quiz-q7-c = да, но только в личные сообщения координатору
observers-quiz-q7-d = да, если закрыть лицо ученика
observers-quiz-q8 = Ученики вошли в аудиторию уже после звонка на урок, отведённый для ВПР. Что вы делаете?
observers-quiz-q8-a = ничего, это не нарушение
observers-quiz-q8-b = отмечаю в акте нарушение «Вход участников в аудиторию начался после звонка на урок, отведённый для работы»
observers-quiz-q8-c = останавливаю работу
observers-quiz-q8-d = сам провожу инструктаж
observers-quiz-q9 = Вы заметили, что организатор в аудитории подсказывает ученику. Как правильно поступить?
observers-quiz-q9-a = сделать замечание организатору вслух при классе
observers-quiz-q9-b = не вмешиваться в ход работы, зафиксировать время и суть нарушения и сразу сообщить координатору через бот, затем внести в акт
observers-quiz-q9-c = забрать работу у ученика
observers-quiz-q9-d = ничего не делать до конца урока
observers-quiz-q10 = Ученик просит вас объяснить задание. Что вы делаете?
observers-quiz-q10-a = объясняю
observers-quiz-q10-b = отвечаю, что наблюдатель не может помогать участникам, и не вступаю в обсуждение задания
observers-quiz-q10-c = зову учителя-предметника
observers-quiz-q10-d = показываю похожий пример
observers-quiz-q11 = Какой этап НЕ входит в перечень этапов, на которых ведётся наблюдение за ВПР?
observers-quiz-q11-a = подготовка материалов (скачивание, распечатывание)
observers-quiz-q11-b = проверка работ
observers-quiz-q11-c = заполнение и загрузка форм
observers-quiz-q11-d = составление расписания уроков на четверть
observers-quiz-q12 = Вас назначили наблюдателем на ВПР в 5 «Б» класс, где учится ваш сын. Как поступить?
observers-quiz-q12-a = провести наблюдение, но не подходить к сыну
observers-quiz-q12-b = сообщить координатору о конфликте интересов и отказаться от этого назначения
observers-quiz-q12-c = поменяться с сыном местами
observers-quiz-q12-d = ничего не сообщать
observers-quiz-q13 = Вы учитель математики в школе № 5. Можно ли назначить вас независимым наблюдателем на ВПР по математике в школе № 5?
observers-quiz-q13-a = да
observers-quiz-q13-b = нет: независимый наблюдатель не должен работать в наблюдаемой школе
observers-quiz-q13-c = да, если вы не ведёте этот класс
observers-quiz-q13-d = да, с разрешения директора
observers-quiz-q14 = Наблюдение прошло без нарушений. Что нужно сделать?
observers-quiz-q14-a = ничего
observers-quiz-q14-b = заполнить акт, отметить «Нарушений не выявлено» и отправить его через бот в установленный срок
observers-quiz-q14-c = позвонить директору школы
observers-quiz-q14-d = отправить фото работ учеников

## Отзыв согласия

observers-withdraw-ask = Отозвать согласие на обработку данных? Я удалю ваши ФИО, телефон, школы и свободные дни, сниму назначения, которые ещё впереди (координатор подберёт замену), и уберу роль наблюдателя. Поданные акты останутся, но без вашего имени.
observers-withdraw-yes = Да, отозвать и удалить
observers-withdraw-no = Нет, оставить
observers-withdraw-kept = Хорошо, ничего не меняю.
observers-withdraw-done = Согласие отозвано, ваши персональные данные удалены. Снято назначений: { $cancelled }. Спасибо за участие!
observers-withdraw-nothing = Анкеты наблюдателя у вас нет — удалять нечего.

## Назначения глазами наблюдателя

observers-mine-none = Назначений впереди нет. Когда координатор назначит вас, я пришлю сообщение.
observers-mine-offered = Назначение ждёт вашего ответа:
observers-mine-confirmed = Вы подтвердили назначение:
observers-answer-confirmed = Спасибо, назначение подтверждено, заявление об отсутствии конфликта интересов записано. Накануне вечером и утром в день процедуры я напомню.
observers-answer-declined = Понял, вы не сможете. Координатор подберёт другого наблюдателя.
observers-answer-cancelled = Спасибо, что сообщили о конфликте интересов: назначение снято, координатор подберёт замену.
observers-answer-refused-already_answered = Вы уже подтвердили это назначение.
observers-answer-refused-closed = Это назначение уже не действует: вы на него ответили, время ответа вышло или координатор его снял.
observers-answer-refused-session_started = Процедура уже началась, ответить на назначение нельзя. Если что-то случилось, позвоните координатору.
observers-answer-refused-conflict_detected = По вашей анкете у вас конфликт интересов в этой школе, поэтому назначение снято. Координатор подберёт замену.
observers-acts-none = Сейчас нет процедур, по которым нужно заполнить акт. Акт можно заполнить в день процедуры или позже.
observers-acts-choose = По какой процедуре заполнить акт?

## Акт наблюдения (диалог)

observers-act-intro = Заполним акт наблюдения. Прервать можно командой /cancel — ничего не сохранится.
observers-act-not-yours = Подать акт по этой процедуре нельзя: вы не были на неё назначены или не подтвердили назначение.
observers-act-refused-too_early = Акт можно заполнить в день процедуры или позже.
observers-act-refused-already_filed = Акт по этой процедуре уже подан.
observers-act-refused-no_stages = Отметьте хотя бы один этап.
observers-act-refused-end_before_start = Окончание наблюдения должно быть позже начала.
observers-act-refused-time_out_of_day = Время должно быть в пределах суток.
observers-act-refused-violation_not_for_stage = Нарушение не относится к отмеченным этапам.
observers-act-refused-comment_required = Для пункта «Другое» нужно описание.
observers-act-refused-too_many_photos = Слишком много фото: не больше пяти.
observers-act-refused-text_too_long = Слишком длинный текст.
observers-act-stages = За какими этапами вы наблюдали? Нажимайте номера (можно несколько), затем «Готово».
observers-act-stages-none = Отметьте хотя бы один этап и нажмите «Готово».
observers-act-start = Во сколько вы начали наблюдение? Напишите время, например 9:00.
observers-act-end = Во сколько закончили? Например, 9:45.
observers-act-time-invalid = Не понял время. Напишите часы и минуты, например 9:05.
observers-act-end-before-start = Окончание должно быть позже начала ({ $start }). Напишите время окончания.
observers-act-any-violations = Были ли нарушения?
observers-act-no-violations = Нарушений не выявлено
observers-act-violations-found = Выявлены нарушения
observers-act-checklist = Какие нарушения вы видели? Нажимайте номера (можно несколько), затем «Готово».
observers-act-checklist-none = Отметьте хотя бы одно нарушение и нажмите «Готово».
observers-act-violation-comment = «{ $violation }» — опишите коротко, что видели (время, кто, что произошло), или нажмите «Без комментария».
observers-act-violation-describe = «{ $violation }» — опишите, что произошло: время, кто, что именно.
observers-act-comment = Общий комментарий к акту — или нажмите «Без комментария».
observers-act-comment-skip = Без комментария
observers-act-text-too-long = Слишком длинно: не больше { $max } знаков. Сократите, пожалуйста.
observers-act-photos = Если есть фото подписанного бумажного бланка акта, пришлите его (до { $max } фото). Фотографировать задания ВПР нельзя! Если фото нет — нажмите «Без фото».
observers-act-photos-none = Без фото
observers-act-photos-wait = Пришлите фото подписанного бланка акта или нажмите кнопку «Готово».
observers-act-photos-as-photo = Пришлите снимок как фото, а не как файл.
observers-act-photos-enough = Больше { $max } фото приложить нельзя. Нажмите «Готово».
observers-act-photo-added = Фото добавлено ({ $count }). Пришлите ещё или нажмите «Готово».
observers-act-summary = Проверьте акт:
observers-act-summary-stages = Этапы: { $stages }
observers-act-summary-time = Время наблюдения: { $start }–{ $end }
observers-act-summary-photos = Фото: { $count }
observers-act-send = ✅ Отправить акт
observers-act-cancel = Отменить
observers-act-cancelled = Акт не отправлен, ничего не сохранено.
observers-act-problems = Акт не принят:
observers-act-filed = Акт № { $id } принят. Спасибо!
observers-act-filed-late = Срок подачи (12:00 следующего рабочего дня) уже прошёл — акт отмечен как поданный с опозданием.
observers-act-alerted = Координатор сразу получил сообщение о нарушениях.
observers-act-no-coordinator = В муниципалитете пока нет координатора в боте — сообщите о нарушениях в орган управления образованием.

## Координатор

observers-coordinator-panel =
    Общественные наблюдатели
    Заявок ждут решения: { $pending }
    Сеансов впереди: { $sessions }, из них без полного числа наблюдателей: { $short }
observers-apps-none = Новых заявок нет.
observers-approved-done = Заявка одобрена: { $name } — общественный наблюдатель.
observers-application-gone = Эта заявка уже рассмотрена или отозвана.
observers-reject-ask = Напишите причину отказа одним сообщением — её увидит заявитель.
observers-reject-reason-invalid = Причина должна быть от 3 до 500 знаков. Нажмите «Отклонить» ещё раз.
observers-rejected-done = Заявка отклонена: { $name }. Причина отправлена заявителю.
observers-sessions-none = Сеансов впереди нет. Добавьте их кнопкой «Добавить сеанс».
observers-sessions-title = Сеансы впереди: { $count }
observers-sessions-line = { $session } — подтвердили { $confirmed }, ждём ответа { $offered }, аудиторий { $rooms }{ $priority }
observers-priority-risk = ⚑ зона риска
observers-priority-request = ⚑ нужен наблюдатель
observers-propose-ask = Сеансов, где нужны наблюдатели: { $count }. На какую дату подобрать?
observers-propose-all = Все ближайшие
observers-propose-nothing = На все сеансы впереди наблюдатели уже назначены.
observers-proposal-title = Предлагаю назначения ({ $count }):
observers-proposal-empty = Подобрать никого не удалось.
observers-proposal-line = { $number }. { $session } → { $observer }{ $cross }{ $priority }
observers-proposal-cross = (из другой школы)
observers-proposal-short-title = Не хватает наблюдателей:
observers-proposal-short = { $session }: не хватает { $missing } — { $reason }
observers-short-nobody_free = в этот день никто не свободен
observers-short-conflicts = у всех свободных конфликт интересов с этой школой
observers-short-limit = все свободные уже заняты в этот день
observers-proposal-hint = Чтобы заменить наблюдателя, нажмите номер строки. «Утвердить и разослать» отправит назначения наблюдателям.
observers-proposal-accept = ✅ Утвердить и разослать
observers-proposal-sent = Назначения разосланы: { $offered }. Снято из-за изменений с момента подбора: { $dropped }. Если кто-то откажется или не ответит вовремя, я предложу замену.
observers-proposal-gone = Этого предложения уже нет: его утвердили, изменили или подобрали заново.
observers-replacement-sent = Назначение отправлено наблюдателю.
observers-replacement-dropped = Назначение не отправлено: с момента подбора у наблюдателя изменились обстоятельства. Нажмите «Подобрать наблюдателей».
observers-edit-head = Сейчас в назначении: { $observer }
observers-edit-choose = Кого назначить вместо? Показаны те, кто свободен и не связан со школой.
observers-edit-nobody = Других свободных наблюдателей без конфликта интересов нет.
observers-edit-done = Заменил.
observers-edit-dropped = Место оставлено без наблюдателя.
observers-edit-not-eligible = Этого наблюдателя назначить нельзя: конфликт интересов, занятость или он не свободен в этот день.
observers-export-none = Актов пока нет.
observers-export-file = Акты наблюдения.xlsx
observers-export-caption = Акты наблюдения: { $count }.

## Новый сеанс

observers-session-school = Для какой школы сеанс? Напишите название или логин (edu223017).
observers-session-school-not-found = Не нашёл школу «{ $query }» среди школ вашего муниципалитета. Попробуйте часть названия или логин.
observers-session-procedure = Какая процедура? Напишите так: ВПР/2026/Математика/4
observers-session-procedure-invalid = Не понял процедуру. Нужно так: вид/год/предмет/класс, например ВПР/2026/Русский язык/5.
observers-session-date = Дата процедуры (например, 22.04.2026)?
observers-session-date-invalid = Не понял дату. Напишите, например, 22.04.2026.
observers-session-date-past = Эта дата уже прошла. Напишите дату процедуры, которая ещё впереди.
observers-session-start = Во сколько начинается работа (например, 9:00)?
observers-session-start-unknown = Пока не знаю
observers-session-start-assumed = Время начала не указано: для напоминаний считаю начало в { $time }.
observers-session-rooms = Во скольких аудиториях пишут работу? В каждую нужен свой наблюдатель.
observers-session-rooms-invalid = Нажмите число аудиторий или напишите его цифрами (от 1 до 100).
observers-session-rooms-line = Аудиторий: { $rooms }
observers-session-address = Адрес школы { $school } ещё не известен. Напишите его — наблюдатели увидят его в назначении.
observers-session-address-invalid = Адрес должен быть от 5 до 300 знаков.
observers-session-saved = Сеанс записан.
observers-session-updated = Такой сеанс уже был — обновил время и число аудиторий.
observers-session-problems = Сеанс не записан:
observers-session-problem-date = неверная дата;
observers-session-problem-past = дата уже прошла;
observers-session-problem-start = неверное время начала;
observers-session-problem-rooms = число аудиторий — от 1 до 100;
observers-session-problem-address = адрес — от 5 до 300 знаков.
