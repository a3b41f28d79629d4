# Признаки необъективности: названия и строки с цифрами (отчёты XLSX, сводки в чате, JSON в CLI).

sign-title-S1 = Завышенный средний балл
sign-title-S1- = Низкие результаты
sign-title-S2 = Выполнение заданий выше группы
sign-title-S3 = Трудные задания выполнены лучше лёгких
sign-title-S4 = Пики на границах отметок
sign-title-S5 = Нетипично мало «2» / много «5»
sign-title-S6 = Несоответствие отметкам по журналу
sign-title-S7 = Резкий рост / падение результатов параллели
sign-title-S8 = Результаты ВПР не подтверждаются ОГЭ/ЕГЭ
sign-title-S9 = Неподтверждение результатов медалистов
sign-title-S10 = Результаты не подтвердились при перепроверке
sign-title-S11 = Совпадающие ответы
sign-title-S12 = Завышение при проверке развёрнутых ответов

# Одна строка на признак: «S4 · Пики на границах отметок: …».
sign-line-fired = { $id } · { $title }: { $text }
sign-line-fired-strong = { $id } · { $title }: { $text } (сильный признак)
sign-line-abstained = { $id } · { $title }: не оценивается — { $text }
sign-line-not-fired = { $id } · { $title }: не выявлен

# Как записываются числа в строках признаков.
sign-decimal-separator = ,
sign-percent = { $value } %

# Почему признак сработал. Дробные числа приходят уже записанными по-русски, счётные — числами.
sign-fired-mean-above-group = средний балл { $mean } (ДИ { $low }–{ $high }) при { $groupMean } (ДИ { $groupLow }–{ $groupHigh }) в группе
sign-fired-mean-below-group = { sign-fired-mean-above-group }
sign-fired-tasks-above-group = выполнение { $above } из { $tasks } { $tasks ->
    [one] задания
   *[many] заданий
} выше группы ({ $share }): { $labels }
sign-fired-hard-tasks-above-easy = относительно школ того же уровня трудные задания ({ $tasks }) выполнены лучше лёгких на { $delta } п. п., { $p }
sign-fired-hard-tasks-weaker-pupils = у более слабых участников трудные задания ({ $tasks }) выполнены лучше ожидаемого намного сильнее, чем у более сильных: разница { $contrast } п. п., { $p }
sign-fired-criteria-tasks-above-one-point = относительно школ того же уровня задания с развёрнутым ответом выполнены лучше однобалльных на { $delta } п. п., { $p }
sign-fired-peak-at-threshold = { $mark ->
    [all] ровно на границах отметок { $at } { $at ->
        [one] работа
        [few] работы
       *[many] работ
    }
   *[other] пик на границе отметки «{ $mark }» ({ $threshold } { $threshold ->
        [one] балл
        [few] балла
       *[many] баллов
    }): на границе { $at } { $at ->
        [one] работа
        [few] работы
       *[many] работ
    }
}, { $window ->
    [1] на 1 балл ниже
   *[other] на 1–{ $window } { $window ->
        [one] балл
        [few] балла
       *[many] баллов
    } ниже
} — { $below } (ожидалось около { $expected } { $mark ->
    [all] на границах
   *[other] на границе
}), { $p }
sign-fired-many-fives = доля «5» { $share } при { $groupShare } в группе
sign-fired-few-twos = «2» у { $twos } из { $n } { $n ->
    [one] участника
   *[many] участников
} при { $groupShare } в группе, { $p }
sign-fired-negative-correlation = баллы ВПР не согласуются с отметками по журналу: ρ = { $rho } ({ $marks } { $marks ->
    [one] отметка
    [few] отметки
   *[many] отметок
})
sign-fired-two-mark-gaps = отметка ВПР отличается от журнальной на две и более у { $share } работ при { $groupShare } в группе
sign-fired-marks-lowered = понизили отметку по журналу { $share } участников при { $groupShare } в группе
sign-fired-marks-raised = повысили отметку по журналу { $share } участников при { $groupShare } в группе
sign-fired-journal-above-scores = отметки по журналу в среднем на { $difference } выше, чем у участников других школ с теми же баллами ВПР (с поправкой на уровень школы), { $p }
sign-fired-scores-above-journal = отметки по журналу в среднем на { $difference } ниже, чем у участников других школ с теми же баллами ВПР (с поправкой на уровень школы): результаты ВПР выше, чем позволяют ожидать отметки, { $p }
sign-fired-fall-next-year = через год результаты параллели заметно ниже: K = { $k } при верхней границе { $fence }
sign-fired-rise-from-last-year = резкий рост по сравнению с прошлым годом: K = { $k } при нижней границе { $fence }
sign-fired-exam-not-confirming = по ВПР школа на { $vpr }-м перцентиле, по { $label } — на { $exam }-м
sign-fired-medalists-not-confirmed = { $below } из { $medalists } { $medalists ->
    [one] медалиста
   *[many] медалистов
} ниже { $cutoff } { $cutoff ->
    [one] балла
   *[many] баллов
} ЕГЭ (индекс { $index })
sign-fired-marks-lowered-on-recheck = при перепроверке { $works } работ отметка понижена у { $share } из них (повышена — у { $raised }), балл изменился в среднем на { $change }
sign-fired-scores-lowered-on-recheck = { sign-fired-marks-lowered-on-recheck }
sign-fired-identical-answers = { $pairs } { $pairs ->
    [one] пара
    [few] пары
   *[many] пар
} работ одного варианта с одинаковыми ответами при ожидаемых { $expected }, { $p }

# Почему признак не оценивается.
sign-abstained-disabled = признак отключён в настройках
sign-abstained-too-few-participants = слишком мало участников ({ $n } при минимуме { $minimum })
sign-abstained-too-few-for-distribution = для распределения баллов нужно не меньше { $minimum } { $minimum ->
    [one] участника
   *[many] участников
} (есть { $n })
sign-abstained-too-few-journal-marks = мало отметок по журналу ({ $marks } при минимуме { $minimum })
sign-abstained-too-few-medalists = мало медалистов ({ $medalists } при минимуме { $minimum })
sign-abstained-too-few-rechecked = мало перепроверенных работ ({ $works } при минимуме { $minimum })
sign-abstained-no-scale = нет шкалы перевода в отметки
sign-abstained-no-reference = нет данных группы сравнения
sign-abstained-no-task-split = в работе нет заданий обоих видов для сравнения
sign-abstained-no-same-level-schools = нет школ того же уровня для сравнения
sign-abstained-too-few-pupils = мало работ для сравнения заданий
sign-abstained-lyceum-exempt = лицеи и гимназии не оцениваются по этому признаку (настройка)
sign-abstained-no-tasks = нет заданий для сравнения
sign-abstained-single-variant = для сравнения нужны пары работ и одного, и разных вариантов

# Каких данных не хватает признаку.
sign-no-data = нет данных
sign-no-data-S6 = нет отметок по журналу
sign-no-data-S7 = нет данных той же параллели за соседний год
sign-no-data-S8 = нет данных ОГЭ/ЕГЭ
sign-no-data-S9 = нет данных о медалистах
sign-no-data-S10 = нет данных перепроверки
