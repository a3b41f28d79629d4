# Риски: оповещения координаторов, случаи, перепроверка, меры. Школам — только нейтральные рекомендации.

## Уровни и статусы

risk-level-risk = зона риска
risk-level-attention = в списке на перепроверку
risk-level-none = не требует действий
risk-status-new = новый
risk-status-review = на рассмотрении
risk-status-recheck = перепроверка
risk-status-confirmed = подтверждено
risk-status-not_confirmed = не подтверждено
risk-status-closed = закрыт
risk-measure-visit = посещение школы
risk-measure-observers = наблюдатели на следующей процедуре
risk-measure-video = видеонаблюдение
risk-measure-help_programme = программа помощи учителям
risk-measure-interview = собеседование с администрацией
risk-measure-status-planned = запланировано
risk-measure-status-done = выполнено
risk-measure-status-cancelled = отменено
risk-measure-line = { $kind } — { $owner }, до { $due } ({ $status })

## Оповещения координаторам

risk-alert-head-risk = ⚠️ Зона риска: { $school }
risk-alert-head-attention = 🔎 Школа в списке на перепроверку (место { $rank }): { $school }
risk-alert-two-years = Второй год подряд в зоне риска.
risk-alert-signs = Что показал анализ:
risk-alert-caution = Признак — повод внимательно посмотреть на работы, а не вывод о нарушении.
risk-good-news = ✅ Хорошая новость: школа { $school } больше не в зоне риска ({ $title }). Сейчас: { $level }.
risk-button-details = Подробнее
risk-button-recheck = В перепроверку
risk-button-observers = Наблюдатели в следующий раз
risk-button-seen = Просмотрено
risk-button-recheck-school = В перепроверку: { $school }
risk-button-cases = Открыть случаи
risk-group-head = Новый анализ: { $title }
    { $scope }
risk-group-levels = В зоне риска — { $risk }, в списке на перепроверку — { $attention }, вышли из зоны риска — { $better }.
risk-group-top = Первыми стоит посмотреть:
risk-two-years-short = второй год подряд
risk-group-file = Полный обзор со случаями — в файле ниже. Работа со случаями — команда /risk.
risk-group-file-caption = Обзор со случаями: { $title }
risk-scope-all = Все школы, загрузившие работу

## Школе: нейтральные рекомендации

risk-school-head = Рекомендации по объективности: { $title }
    Школа { $school }
risk-school-body = Анализ результатов вашей школы обратил внимание на следующее:
risk-school-check = Что стоит проверить: как проходила работа и кто присутствовал в классе; проверены ли развёрнутые ответы строго по критериям; нет ли у соседей по варианту одинаковых ответов; согласуются ли отметки за работу с отметками по журналу.
risk-school-caution = Результаты ВПР не используются для оценки работы учителей и школ. Это рекомендации для внутреннего анализа, а не выводы.
risk-school-list = Рекомендации по объективности — выберите работу:
risk-school-nothing = По результатам вашей школы рекомендаций по объективности нет.

## Команда /risk

help-risk = /risk — случаи с признаками необъективности: перепроверка, меры, оповещения
risk-menu = ⚠️ Риски
risk-list-head = Открытые случаи: { $count }. Сначала самые давние.
risk-list-empty = Открытых случаев нет. Они появляются, когда анализ относит школу к зоне риска, или когда вы отправляете школу из списка на перепроверку.
risk-list-line = { $n }. { $school } · { $title } — { $status }, { $age ->
    [one] { $age } день
    [few] { $age } дня
   *[many] { $age } дней
  }{ $owner }{ $due }{ $twice }
risk-list-owner = ; ответственный: { $name }
risk-list-due = ; срок { $date }
risk-list-two-years = ; ⚑ второй год подряд
risk-list-more = …и ещё { $count }. Все случаи — в отчёте XLSX (/analysis).
risk-not-allowed = Случаи с признаками необъективности видят муниципальные координаторы.
risk-outside = Это школа другого муниципалитета: её случаи вам недоступны.
risk-not-found = Этот случай не найден — возможно, сообщение устарело.
risk-prefs-button = 🔔 Оповещения
risk-prefs = Оповещения о рисках приходят { $mode ->
    [immediate] сразу, в любое время.
   *[working] в рабочее время вашего муниципалитета (по будням с 9:00 до 18:00).
  }
risk-prefs-subscribed = Как администратор вы { $on ->
    [yes] получаете
   *[no] не получаете
  } оповещения о рисках по всем муниципалитетам.
risk-prefs-immediate = Присылать сразу
risk-prefs-working = Только в рабочее время
risk-prefs-subscribe = Получать оповещения
risk-prefs-unsubscribe = Не получать оповещения

## Карточка случая

risk-case-head = Случай №{ $id }: { $school }
    { $title }
risk-case-status = Статус: { $status }. По последнему анализу: { $level }.
risk-case-two-years = ⚑ Второй год подряд в зоне риска.
risk-case-opened = Открыт { $date } ({ $age ->
    [one] { $age } день
    [few] { $age } дня
   *[many] { $age } дней
  } назад){ $origin }.
risk-case-origin-manual = , добавлен вручную
risk-case-owner = Ответственный: { $name }.
risk-case-no-owner = Ответственный не назначен.
risk-case-due = Срок: { $date }.
risk-case-resolution = Почему не подтверждено: { $text }
risk-case-recheck = Перепроверка (план №{ $plan }): { $works ->
    [one] { $works } работа
    [few] { $works } работы
   *[many] { $works } работ
  }.
risk-case-recheck-waiting = Ждём баллы комиссии.
risk-case-recheck-figures = Отметка изменилась у { $changed } работ, средний сдвиг первичного балла { $mean }, индекс неподтверждения { $index }.
risk-case-measures = Меры:
risk-case-history = История:
risk-case-event-opened = открыт по результатам анализа
risk-case-event-opened-manual = добавлен вручную
risk-case-event-status = статус: { $from } → { $to }
risk-case-event-owner = назначен ответственный
risk-case-event-note = заметка: { $text }
risk-case-event-due = срок: { $date }
risk-case-event-level = новый анализ: { $from } → { $to }
risk-case-event-recheck_planned = план перепроверки №{ $plan }
risk-case-event-recheck_received = баллы комиссии по плану №{ $plan }
risk-case-event-measure = мера: { $kind }, до { $date }
risk-case-event-measure_done = мера отмечена: { $status }
risk-case-event-seen = просмотрено
risk-case-more-history = …и ещё { $count } более ранних записей.
risk-button-own = Я ответственный
risk-button-status = Изменить статус
risk-button-note = Заметка
risk-button-due = Срок
risk-button-plan = План перепроверки
risk-button-scores = Баллы комиссии
risk-button-measure = Мера
risk-button-analysis = Анализ школы
risk-button-plan-file = Файл плана №{ $plan }
risk-status-choose = Новый статус случая №{ $id }:
risk-status-saved = Статус случая №{ $id }: { $status }.
risk-status-bad-move = Из статуса «{ $status }» так перейти нельзя. Откройте случай заново.
risk-seen-saved = Отмечено: случай №{ $id } на рассмотрении, ответственный — вы.
risk-seen-no-case = Отмечено как просмотренное.
risk-owner-saved = Теперь вы ответственный за случай №{ $id }.

## Ввод текста и дат

risk-ask-note = Напишите заметку к случаю №{ $id } (до 1000 знаков) или отправьте /cancel.
risk-ask-reason = Почему признаки не подтвердились? Напишите причину — она останется в истории случая №{ $id }. Или отправьте /cancel.
risk-ask-due = До какой даты нужно завершить текущий шаг по случаю №{ $id }? Напишите дату в виде ДД.ММ.ГГГГ, например { $example }.
risk-ask-size = Сколько работ отправить на перепроверку? Напишите число от 1 до { $max }.
risk-ask-text-again = Нужен текст. Напишите его или отправьте /cancel.
risk-bad-date = Не понял дату. Напишите её в виде ДД.ММ.ГГГГ, например { $example }; дата не может быть в прошлом.
risk-bad-size = Нужно целое число от 1 до { $max }.
risk-note-saved = Заметка добавлена к случаю №{ $id }.
risk-due-saved = Срок по случаю №{ $id }: { $date }.

## Перепроверка

risk-plan-choose = Перепроверка по случаю №{ $id }. Бот выберет работы у границ отметок, работы с заданиями, где школа выше региона, и случайную выборку по отметкам. Сколько работ перепроверить?
risk-plan-size = { $size ->
    [one] { $size } работа
    [few] { $size } работы
   *[many] { $size } работ
  }
risk-plan-other = Другое число
risk-plan-done = План перепроверки №{ $plan }: { $works ->
    [one] { $works } работа
    [few] { $works } работы
   *[many] { $works } работ
  }. Список с кодами участников и заданиями — в файле. Комиссия вписывает баллы в жёлтые ячейки; когда всё готово, нажмите «Баллы комиссии» в карточке случая и пришлите этот же файл.
risk-plan-no-results = Для этой школы нет загруженных работ — перепроверять нечего.
risk-plan-bad-size = Размер перепроверки — от 1 до { $max } работ.
risk-scores-no-plan = Сначала составьте план перепроверки: кнопка «План перепроверки» в карточке случая.
risk-scores-send = Пришлите файл плана №{ $plan } с баллами комиссии (.xlsx) или отправьте /cancel.
risk-scores-send-file = Нужен файл .xlsx с баллами комиссии. Пришлите его или отправьте /cancel.
risk-scores-download-failed = Не удалось получить файл. Пришлите его ещё раз.
risk-scores-refused = Баллы не сохранены — в файле { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[many] { $count } ошибок
  }. Исправьте и пришлите файл снова:
risk-scores-more = …и ещё { $count }.
risk-scores-saved = Баллы комиссии сохранены: { $works ->
    [one] { $works } работа
    [few] { $works } работы
   *[many] { $works } работ
  }. Анализ пересчитан с учётом перепроверки.
risk-scores-school = { $school }: отметка изменилась у { $changed } { $changed ->
    [one] работы
   *[other] работ
  } ({ $share }), средний сдвиг первичного балла { $mean }, индекс неподтверждения { $index }.
risk-scores-s10 = S10 в новом анализе: { $s10 }. Уровень школы теперь: { $level }.
risk-scores-s10-none = нет данных
risk-problem-unreadable = Файл не читается как книга Excel (.xlsx).
risk-problem-sheet-missing = В книге нет листа «{ $sheet }». Пришлите файл плана, который прислал бот.
risk-problem-other-plan = Это файл плана №{ $other }, а баллы ждём по плану №{ $plan }.
risk-problem-header = Ячейка { $cell }: ожидался заголовок «{ $expected }». Не меняйте столбцы файла плана.
risk-problem-school-outside = Ячейка { $cell }: школа «{ $school }» не входит в этот план перепроверки.
risk-problem-code-unknown = Ячейка { $cell }: работы с кодом «{ $code }» школы { $school } нет в плане.
risk-problem-code-duplicate = Ячейка { $cell }: код { $code } встречается в файле второй раз.
risk-problem-score-invalid = Ячейка { $cell }: «{ $value }» — не балл за задание { $task }. Нужно целое число от 0.
risk-problem-score-above-max = Ячейка { $cell }: балл { $value } выше максимума { $max } за задание { $task }.
risk-problem-score-missing = Ячейка { $cell }: нет балла комиссии за задание { $task } (работа { $code }). Жёлтые ячейки начатой строки заполняются все.
risk-problem-nothing-filled = В файле нет ни одного балла комиссии.

## Файл перепроверки

risk-reason-threshold = у границы отметки
risk-reason-focus = выше региона в заданиях { $tasks }
risk-reason-sample = случайная выборка по отметкам
risk-works-title = Перепроверка работ: { $title }
risk-works-plan = План №{ $plan } от { $date }.
risk-works-instructions = Впишите баллы комиссии в жёлтые ячейки (целые числа от 0 до максимума задания). Серые ячейки можно оставить пустыми — тогда остаётся балл первой проверки. Строку работы, которую не перепроверяли, оставьте пустой целиком. Не меняйте столбцы и коды.
risk-works-school = Логин ОО
risk-works-code = Код участника
risk-works-reason = Почему выбрана
risk-works-first-score = Первичный балл
risk-works-max = макс. { $max }
risk-works-legend = Работы у границ отметок и с заданиями выше региона выбраны, потому что завышение чаще всего прячется там; случайная выборка показывает проверку в целом.
risk-works-file = Перепроверка - план { $plan } - { $title }.xlsx

## Меры

risk-measure-choose = Какую меру запланировать по случаю №{ $id }?
risk-measure-ask-due = Срок для меры «{ $kind }»: напишите дату в виде ДД.ММ.ГГГГ, например { $example }.
risk-measure-ask-owner = Кто отвечает за меру? Нажмите «Я» или напишите имя и должность.
risk-measure-me = Я
risk-measure-saved = Мера записана: { $line }.
risk-measure-done = Выполнено
risk-measure-cancel = Отменить

## Лист «Случаи» в отчёте XLSX

risk-sheet-title = Случаи с признаками необъективности
risk-sheet-school = Школа
risk-sheet-procedure = Работа
risk-sheet-status = Статус
risk-sheet-level = По последнему анализу
risk-sheet-two-years = Второй год
risk-sheet-owner = Ответственный
risk-sheet-opened = Открыт
risk-sheet-age = Дней
risk-sheet-due = Срок
risk-sheet-resolution = Почему не подтверждено
risk-sheet-measures = Меры
risk-sheet-yes = да
risk-sheet-empty = Случаев пока нет.
risk-sheet-note = Случай — повод посмотреть на работы внимательнее, а не вывод о нарушении.
risk-observers-request-reason = Мера по случаю риска № { $case }: наблюдатели на следующей процедуре.
