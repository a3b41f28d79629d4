# Анализ результатов: сводки в чате.

analysis-group-name = Все школы, загрузившие работу
analysis-choose = По какой работе показать анализ?
analysis-nothing = Пока нет загруженных результатов, которые вы можете посмотреть. Загрузите файл командой /upload.
analysis-not-allowed = Эти результаты вам недоступны.
analysis-school-head = { $title }
    Школа { $school }
analysis-school-numbers = Участников: { $present } (отсутствовали: { $absent }). Средний первичный балл — { $mean }, по всем школам — { $groupMean }.
analysis-school-marks = Отметки: «2» — { $m2 }, «3» — { $m3 }, «4» — { $m4 }, «5» — { $m5 } (по всем школам: { $g2 }, { $g3 }, { $g4 }, { $g5 }).
analysis-school-journal = По сравнению с отметками по журналу: подтвердили — { $confirmed }, понизили — { $lowered }, повысили — { $raised }.
analysis-school-tasks-low = Задания, выполненные заметно хуже, чем в других школах: { $tasks }.
analysis-school-tasks-high = Задания, выполненные заметно лучше: { $tasks }.
analysis-sign-strong = { $title } (сильный признак)
analysis-school-recommend = На что обратить внимание при анализе результатов:
analysis-school-clean = Признаков, требующих особого внимания, не найдено.
analysis-school-caution = Результаты ВПР не используются для оценки работы учителей и школ: это повод внимательнее посмотреть на результаты, а не вывод.
analysis-report-button = 📄 Отчёт XLSX
analysis-overview-head = { $title }
    { $scope }: школ — { $schools }, участников — { $present }.
analysis-overview-index = Индекс объективности: { $index } — доля школ без признаков необъективности ({ $clean } из { $assessed } оценённых).
analysis-overview-levels = Зона риска — { $risk }, требуют внимания — { $attention }, не требуют действий — { $none }, не оценивались — { $unassessed }.
analysis-overview-off-list = Среди не требующих действий у { $count } { $count ->
    [one] школы
   *[other] школ
} признаки есть, но в список на перепроверку { $count ->
    [one] она не вошла
   *[other] они не вошли
}.
analysis-overview-risk-list = Школы в зоне риска:
analysis-overview-attention-list = Требуют внимания:
analysis-overview-more = …и ещё { $count }. Полный список — в отчёте XLSX.
analysis-overview-drill = Подробнее по школе — кнопками ниже.
analysis-overview-recheck = Школы, которые требуют внимания, — это список на выборочную перепроверку: не больше 10 % школ муниципалитета, первыми те, где перепроверка скорее всего изменит картину. Какие работы перепроверить, бот предложит сам: /risk или кнопка «В перепроверку» в оповещении. Баллы комиссии войдут в следующий анализ.
analysis-level-risk = зона риска
analysis-level-attention = требует внимания
analysis-level-none = не требует действий
analysis-school-risk = Уровень риска: { $level }.
analysis-chart-caption = { $title }: { $what }
analysis-chart-scores = распределение первичных баллов
analysis-chart-tasks = выполнение заданий
analysis-chart-risk = средние баллы школ и уровни риска
analysis-working = Считаю анализ…

help-settings = /settings — пороги признаков и группа сравнения для анализа вашего муниципалитета
settings-caption = Настройки анализа вашего муниципалитета: пороги признаков, минимальные размеры групп, группа сравнения. Измените значения в файле и пришлите его мне. Ранее выполненные расчёты сохраняют свои настройки.
settings-send-file = Пришлите файл настроек (.json) или отправьте /cancel.
settings-saved = Настройки сохранены. Следующий анализ будет выполнен с ними.
settings-invalid = Настройки не сохранены — в файле есть ошибки:
settings-not-json = Не удалось прочитать файл: нужен JSON, как в присланном мной файле.
settings-not-allowed = Менять настройки анализа могут муниципальные координаторы.
analysis-overview-trend = В { $year } году индекс был { $index }.
analysis-overview-two-years = второй год подряд в зоне риска
analysis-details-button = 🔎 Подробнее
analysis-details-head = { $title } · { $school }: расчёты
analysis-details-mean = Средний первичный балл — { $mean } (95 % доверительный интервал, ДИ: { $low }–{ $high }); { $group } — { $groupMean }.
analysis-details-fired = Выявленные признаки (код, название, расчёт):
analysis-details-abstained = Не оценивались и почему:

# Честные сравнения: только с группой, где достаточно других школ.
analysis-school-numbers-alone = Участников: { $present } (отсутствовали: { $absent }). Средний первичный балл — { $mean }.
analysis-school-marks-alone = Отметки: «2» — { $m2 }, «3» — { $m3 }, «4» — { $m4 }, «5» — { $m5 }.
analysis-school-no-comparison = Сравнения с другими школами пока нет: { $others ->
    [0] кроме этой школы, результаты работы не загружены
    [one] загружены результаты только { $others } другой школы
   *[other] загружены результаты только { $others } других школ
}, а для честного сравнения нужно не меньше { $minimum }.
analysis-school-who-loads-teacher = Результаты других школ загружают их координаторы или муниципальный координатор (выгрузка ФИС ОКО по муниципалитету или региону). Когда их станет достаточно, сравнение появится здесь само.
analysis-school-who-loads-coordinator = Чтобы сравнение появилось, загрузите выгрузку ФИС ОКО по муниципалитету или региону (/upload).
analysis-school-clean-of = Из { $total } признаков оценено { $assessed }; среди них требующих особого внимания не найдено.
analysis-school-unassessed = Не оценивались:
analysis-school-none-assessed = Ни один признак не удалось оценить, поэтому вывода об объективности нет. Почему:
analysis-overview-no-index = Индекс объективности не считается: оценено школ — { $assessed }, а для него нужно не меньше { $minimum }.
analysis-overview-trend-common = По { $common } { $common ->
    [one] школе, оценённой
   *[other] школам, оценённым
} в оба года: в { $year } году индекс был { $index }, в этом — { $current }.
analysis-overview-trend-none = С { $year } годом не сравниваем: школ, оценённых в оба года, — { $common }, а нужно не меньше { $minimum }.
analysis-chosen = Анализ по работе: { $title }
analysis-details-mean-alone = Средний первичный балл — { $mean } (95 % доверительный интервал, ДИ: { $low }–{ $high }); других школ для сравнения пока мало.
