# Отчёты: листы XLSX, заголовки столбцов, подписи графиков.
# Имена листов — не длиннее 31 символа (ограничение Excel).

reports-sheet-marks = Статистика по отметкам
reports-sheet-journal = Сравнение с отметками журнала
reports-sheet-scores = Распределение первичных баллов
reports-sheet-tasks = Выполнение заданий
reports-sheet-signs = Признаки необъективности
reports-sheet-variants = Варианты
reports-sheet-risks = Риски
reports-sheet-summary = Сводка

reports-heading-marks = Статистика по отметкам
reports-heading-journal = Сравнение отметок с отметками по журналу
reports-heading-scores = Распределение первичных баллов
reports-heading-tasks = Выполнение заданий
reports-heading-signs = Признаки необъективности результатов
reports-heading-variants = Результаты по вариантам
reports-heading-risks = Школы с признаками необъективных результатов
reports-heading-summary = Сводка по школам

reports-line-school = Школа: { $school }
reports-line-scope = Территория: { $scope }
reports-line-group = Группа сравнения: { $group }
reports-group-too-small = пока нет — для сравнения нужно не меньше { $minimum } других школ, загружено { $others }
reports-line-risk = Уровень риска: { $level }
reports-line-index = Индекс объективности: { $index } % — доля школ без признаков необъективности ({ $clean } из { $assessed } оценённых)
reports-line-off-list = Среди не требующих действий у { $count } { $count ->
    [one] школы
   *[other] школ
} признаки есть, но в список на перепроверку { $count ->
    [one] она не вошла
   *[other] они не вошли
}
reports-line-index-withheld = Индекс объективности не считается: оценено школ — { $assessed }, а для него нужно не меньше { $minimum }
reports-line-index-none = Индекс объективности: нет данных
reports-line-levels = Школ в зоне риска: { $risk }; требуют внимания: { $attention }; не требуют действий: { $none }; не оценивались: { $unassessed }

reports-col-group = Группы участников
reports-col-participants = Кол-во участников
reports-col-absent = Отсутствовали
reports-col-mean = Средний балл
reports-col-mean-low = ДИ среднего: от
reports-col-mean-high = ДИ среднего: до
reports-col-journal-participants = Кол-во участников с отметкой по журналу
reports-col-lowered = Понизили (Отм. < Отм. по журналу), чел.
reports-col-lowered-share = Понизили, %
reports-col-confirmed = Подтвердили (Отм. = Отм. по журналу), чел.
reports-col-confirmed-share = Подтвердили, %
reports-col-raised = Повысили (Отм. > Отм. по журналу), чел.
reports-col-raised-share = Повысили, %
reports-col-variant = Вариант
reports-col-rank = №
reports-col-login = Логин
reports-col-school = Школа
reports-col-level = Уровень
reports-col-signs = Признаки
reports-col-reasons = Причины
reports-col-signs-found = Выявленные признаки
reports-col-sign-id = Признак
reports-col-sign-title = Описание
reports-col-sign-status = Вывод
reports-col-sign-strength = Сила
reports-col-sign-reason = Пояснение
reports-col-sign-evidence = Данные

reports-task-note = { $level }, макс. { $max }
reports-task-note-nolevel = макс. { $max }
reports-threshold-note = «{ $mark }»

reports-status-fired = есть
reports-status-not_fired = нет
reports-status-abstained = не оценивался
reports-strength-strong = сильный
reports-strength-moderate = умеренный
reports-risk-none = не требует действий
reports-risk-attention = требует внимания
reports-risk-risk = зона риска
reports-risk-unassessed = не оценивалась

reports-note-marks = Проценты — от числа участников, написавших работу. Зелёным выделен средний балл выше, чем в группе сравнения, красным — ниже (доверительные интервалы не пересекаются).
reports-note-journal = Проценты — от числа участников, у которых есть отметка по журналу.
reports-note-scores = Голубым выделены минимальные баллы отметок «3», «4» и «5». Резкие пики ровно на этих баллах могут указывать на необъективное оценивание и требуют дополнительного анализа.
reports-note-tasks = Зелёным выделено выполнение выше, чем в группе сравнения, красным — ниже; если известны доверительные интервалы, выделены только различия, при которых интервалы не пересекаются.
reports-note-levels = Уровень сложности задания: Б — базовый, П — повышенный, В — высокий.
reports-note-summary = Школы — от требующих действий к не требующим; расчёты по каждой школе — на листе «Риски», таблицы ФИС ОКО — на следующих листах. Каждый лист можно фильтровать по столбцам.
reports-note-signs-fired-only = Здесь только выявленные признаки. Все признаки школы с причинами, по которым часть из них не оценивалась, — в отчёте школы (кнопка школы в обзоре).
reports-note-caution = Признак — повод внимательнее посмотреть на результаты, а не вывод о необъективности. Результаты ВПР не используются для оценки работы учителей и школ.

reports-chart-scores-title = Распределение первичных баллов
reports-chart-scores-x = Первичный балл
reports-chart-scores-y = % участников
reports-chart-tasks-title = Выполнение заданий
reports-chart-tasks-x = Задание
reports-chart-tasks-y = % выполнения
reports-chart-tasks-band = { $group }: доверительный интервал
reports-chart-levels-note = П, В — задания повышенного и высокого уровня сложности
reports-chart-risk-title = Средний балл школ и доверительные интервалы
reports-chart-risk-x = Средний первичный балл
reports-chart-risk-shown = показаны { $shown } из { $total } школ, сначала с признаками
reports-chart-risk-flagged = школы в зоне риска и требующие внимания: показаны { $shown } из { $flagged }; всего школ — { $total }
reports-chart-group-mean = { $group }: средний балл
