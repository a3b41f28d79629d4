# Приём файлов с результатами: проблемы в файле, отчёт об ошибках, шаблон для заполнения.
# Каждой проблеме соответствует ключ intake-problem-<код>. Во все сообщения о проблемах
# передаются $sheet (лист), $cell (ячейка, например K25), $row (строка) и параметры самой проблемы.

## Файл не принят до чтения

intake-problem-file-too-large = Файл слишком большой: { $size } МБ. Я принимаю файлы до { $limit } МБ.
intake-problem-file-xls = Это файл старого формата Excel (.xls). Откройте его в Excel, сохраните как «Книга Excel (*.xlsx)» и отправьте снова.
intake-problem-file-encrypted = Файл защищён паролем, поэтому я не могу его прочитать. Снимите пароль (Файл → Сведения → Защита книги) и отправьте файл снова.
intake-problem-file-text = Это текстовый файл (CSV или похожий), а не книга Excel. Откройте его в Excel, сохраните как «Книга Excel (*.xlsx)» и отправьте снова.
intake-problem-file-not-xlsx = Это не книга Excel в формате .xlsx, или файл повреждён. Отправьте результаты в формате .xlsx.
intake-problem-file-zip-bomb = После распаковки файл занимает { $size } МБ, а допускается не больше { $limit } МБ. Проверьте, тот ли это файл.
intake-problem-file-zip-bomb-inflated = Файл при распаковке разрастается слишком сильно: часть «{ $part }» заняла больше { $size } МБ, и я прекратил чтение. Так бывает с повреждёнными или специально собранными файлами. Откройте книгу в Excel, сохраните её заново и отправьте снова.
intake-problem-file-too-many-sheets = В книге { $sheets } листов, а допускается не больше { $limit }.
intake-problem-file-too-many-rows = На листе «{ $sheet }» больше { $limit } строк — это больше, чем я могу принять.
intake-problem-file-too-many-columns = На листе «{ $sheet }» { $columns } столбцов, а допускается не больше { $limit }.
intake-problem-file-unreadable = Не удалось прочитать книгу: файл повреждён или сохранён с ошибкой. Откройте его в Excel, сохраните заново как .xlsx и отправьте снова.

## Что это за файл

intake-problem-layout-context-form = Это форма «Сбор контекстных данных об ОО», а не результаты ВПР. Для загрузки результатов нужен протокол ФИС ОКО или наш шаблон.
intake-problem-layout-empty-form = { $form ->
    [template] В шаблоне нет ни одного участника: строки под заголовком пустые.
    [export] В выгрузке нет ни одного участника.
   *[collection] Это пустая форма сбора результатов: на листе «Протокол» нет ни одного участника{ $classes ->
        [0] .
       *[other] , заполнен только лист «Классы».
    }
} Похоже, отправлен не тот файл — нужна форма с внесёнными результатами.
intake-problem-layout-unknown = Не узнаю формат файла (листы: { $sheets }). Я принимаю форму сбора результатов ФИС ОКО (листы «Классы» и «Протокол»), выгрузки результатов ФИС ОКО, отчёт «Индивидуальные результаты» и свой шаблон. Если вашего файла нет в этом списке, попросите у меня шаблон, перенесите в него результаты и отправьте снова.
intake-problem-layout-header-unmatched = Лист «{ $sheet }», строка { $row }: похоже на заголовок протокола, но некоторые ячейки я не узнаю, поэтому не могу прочитать участников. Исправьте заголовок (или возьмите наш шаблон) и отправьте файл снова.
intake-problem-header-code-unmatched = Ячейка { $cell }: «{ $text }» — здесь должен быть заголовок «Код» (ровно так, без других слов).
intake-problem-header-tasks-unmatched = Ячейки { $cell }–{ $last }: заголовки заданий вроде «{ $text }» ({ $count } шт.) — ожидаю номер задания с максимальным баллом, например «1 (1б)» или «2.1 (2б)», как в форме ФИС ОКО.
intake-problem-header-column-missing = В строке { $row } нет столбца { $header ->
    [code] «Код»
    [variant] «Вариант»
   *[tasks] с баллами за задания
}.

## Процедура и спецификация

intake-problem-procedure-conflict = В файле указан { $part ->
    [year] год
    [subject] предмет
    [grade] класс
   *[kind] вид процедуры
} «{ $file }», а выбран «{ $given }». Проверьте, тот ли это файл.
intake-problem-spec-unknown = Для работы «{ $procedure }» у меня нет описания заданий (спецификации). Его может прислать координатор — по шаблону спецификации.
intake-problem-spec-version-outdated = Шаблон заполнен по спецификации версии { $version }, а сейчас действует версия { $current }. Проверяю файл по действующей версии.
intake-problem-school-login-option-invalid = «{ $value }» — не логин образовательной организации в ФИС ОКО (ожидается вид edu223379).

## Заголовок таблицы

intake-problem-header-task-missing = Лист «{ $sheet }»: нет столбца задания { $task } ({ $max } б.).
intake-problem-header-task-extra = Лист «{ $sheet }», ячейка { $cell }: столбца «{ $header }» в этой работе нет.
intake-problem-header-task-max = Лист «{ $sheet }», ячейка { $cell }: у задания { $task } в заголовке максимум { $found } б., а по спецификации — { $expected } б.
intake-problem-header-task-duplicate = Лист «{ $sheet }», ячейка { $cell }: столбец задания { $task } повторяется.
intake-problem-header-task-count = Лист «{ $sheet }»: в файле { $found } столбцов с баллами за задания, а в работе { $expected } заданий.
intake-problem-header-suggests-procedure = Столбцы заданий совпадают с работой «{ $subject }, { $grade } класс» ({ $year } год). Возможно, выбран не тот предмет или класс.
intake-problem-names-column = Лист «{ $sheet }», столбец «{ $column }» (ячейка { $cell }): похоже, здесь фамилии или имена. Результаты принимаются только с кодами участников — удалите этот столбец и отправьте файл снова.
intake-problem-names-instead-of-codes = Лист «{ $sheet }», столбец «{ $column }»: вместо кодов участников указаны фамилии или имена. Укажите коды участников и отправьте файл снова.

## Ошибки в строках

intake-problem-score-above-max = Лист «{ $sheet }», ячейка { $cell }: { $value } больше максимума задания { $task } ({ $max } б.).
intake-problem-score-negative = Лист «{ $sheet }», ячейка { $cell }: отрицательный балл { $value } за задание { $task }.
intake-problem-score-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не балл за задание { $task }. Допустимы целые числа, X (нет ответа) и «не пройд.».
intake-problem-variant-unknown = Лист «{ $sheet }», ячейка { $cell }: неизвестный вариант «{ $value }».
intake-problem-variant-missing = Лист «{ $sheet }», ячейка { $cell }: не указан вариант. Если участник не писал работу, укажите «отсутствовал».
intake-problem-code-missing = Лист «{ $sheet }», ячейка { $cell }: не указан код участника.
intake-problem-code-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не код участника (код состоит только из цифр).
intake-problem-code-duplicate = Лист «{ $sheet }», ячейка { $cell }: код { $code } уже есть в этой школе (строка { $firstRow }).
intake-problem-school-login-missing = Лист «{ $sheet }», ячейка { $cell }: не указан логин ОО.
intake-problem-school-login-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не логин ОО (ожидается вид edu223379).
intake-problem-absent-with-scores = Лист «{ $sheet }», ячейка { $cell }: участник отмечен как отсутствовавший, но в строке есть баллы.

## Предупреждения

intake-problem-variant-unusual = Лист «{ $sheet }», ячейка { $cell }: вариант { $value }. В иностранных языках 11 класса так бывает, но проверьте.
intake-problem-variant-zero = Лист «{ $sheet }», ячейка { $cell }: вариант 0 (так бывает в выгрузках ФИС ОКО 2021 года). Баллы учитываю, вариант считаю неизвестным.
intake-problem-total-mismatch = Лист «{ $sheet }», ячейка { $cell }: в файле итог { $recorded }, а сумма баллов за задания — { $computed }. Учитываю сумму баллов.
intake-problem-total-missing = Лист «{ $sheet }», ячейка { $cell }: итоговый балл не указан; сумма баллов за задания — { $computed }.
intake-problem-journal-mark-missing = Лист «{ $sheet }», ячейка { $cell }: нет отметки по журналу — участник не войдёт в сравнение с журналом.
intake-problem-journal-mark-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не отметка (ожидается от 2 до 5), участник не войдёт в сравнение с журналом.
intake-problem-row-longer-than-header = Лист «{ $sheet }», ячейка { $cell }: строка длиннее заголовка — после последнего задания есть ещё { $extra } { $extra ->
    [one] значение
    [few] значения
   *[other] значений
}. Их не учитываю.
intake-problem-formula-no-value = Лист «{ $sheet }», ячейка { $cell }: здесь формула без сохранённого значения, поэтому ячейка прочитана как пустая. Так бывает, когда файл сохранён программой, которая не пересчитывает формулы. Откройте файл в Excel, дождитесь пересчёта, сохраните и отправьте снова.
intake-problem-class-latin-letters = Лист «{ $sheet }», ячейка { $cell }: в названии класса «{ $value }» латинские буквы, читаю как «{ $normalised }» ({ $count } { $count ->
    [one] строка
    [few] строки
   *[other] строк
}).
intake-problem-not-taught = Лист «{ $sheet }», ячейка { $cell }: задание { $task } отмечено «не пройд.» у { $count } { $count ->
    [one] участника
   *[other] участников
} школы { $school }. В сумму идёт 0 баллов, в процент выполнения задания эти участники не входят.
intake-problem-mark-mismatch = Лист «{ $sheet }», ячейка { $cell }: в файле отметка { $recorded }, а по сумме баллов выходит { $computed }.
intake-problem-row-excluded = Лист «{ $sheet }», строка { $row }: участник с кодом { $code } не загружен из-за ошибок в строке.

## Спецификация и контекстные данные

intake-problem-spec-sheet-missing = В книге нет листа «Спецификация». Возьмите шаблон спецификации, заполните его и отправьте снова.
intake-problem-spec-field-missing = Лист «{ $sheet }», ячейка { $cell }: не заполнено поле «{ $field ->
    [kind] Вид процедуры
    [year] Год
    [subject] Предмет
   *[grade] Класс
}».
intake-problem-spec-kind-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — неизвестный вид процедуры (нужно ВПР, КДР, ОГЭ или ЕГЭ).
intake-problem-spec-year-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не год.
intake-problem-spec-grade-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не класс (нужно число от 1 до 11).
intake-problem-spec-label-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не номер задания (например: 5, 5.1, 1К1).
intake-problem-spec-label-duplicate = Лист «{ $sheet }», ячейка { $cell }: задание { $label } указано дважды.
intake-problem-spec-max-invalid = Лист «{ $sheet }», ячейка { $cell }: у задания { $task } максимальный балл «{ $value }», а нужен целый балл от 1 до 20.
intake-problem-spec-level-invalid = Лист «{ $sheet }», ячейка { $cell }: у задания { $task } уровень «{ $value }»; допустимы Б, П, В или пустая ячейка.
intake-problem-spec-scale-invalid = Лист «{ $sheet }», ячейка { $cell }: { $reason ->
    [partial] заполните все три границы отметок или оставьте все три пустыми.
    [order] границы отметок должны возрастать: «3» меньше «4», «4» меньше «5».
   *[above-max] граница отметки «5» больше максимального балла работы ({ $maxTotal }).
}
intake-problem-spec-no-tasks = Лист «{ $sheet }»: в таблице заданий нет ни одного задания.
intake-problem-spec-other-procedure = Эта спецификация — для «{ $spec }», а файл с результатами — «{ $file }». Пришлите спецификацию для «{ $file }».
intake-problem-spec-task-count-differs = В спецификации { $found } заданий, а в файле с результатами { $expected } столбцов с баллами: их должно быть поровну.
intake-problem-context-form-unknown = Это не форма «Сбор контекстных данных об ОО» из ФИС ОКО: не нашёл столбца с логином ОО.

## Внешние данные: ОГЭ и ЕГЭ, медалисты, перепроверка

intake-problem-outside-no-data = В книге внешних данных нет ни одной заполненной строки: листы «ОГЭ и ЕГЭ», «Медалисты» и «Перепроверка» пусты. Заполните хотя бы один из них и отправьте файл снова.
intake-problem-outside-value-missing = Лист «{ $sheet }», ячейка { $cell }: не заполнен столбец «{ $header }».
intake-problem-outside-header-missing = Лист «{ $sheet }», ячейка { $cell }: нет столбца «{ $header }». Не переименовывайте столбцы шаблона; новый шаблон можно получить командой /template.
intake-problem-outside-school-unknown = Лист «{ $sheet }», ячейка { $cell }: школы с логином { $value } нет в справочнике. Проверьте логин: школа попадает в справочник с формой «Сбор контекстных данных об ОО» или с результатами ВПР.
intake-problem-outside-exam-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не экзамен. Укажите ОГЭ или ЕГЭ.
intake-problem-outside-year-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не год. Нужен год от { $min } до { $max }.
intake-problem-outside-math-base-level = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — ЕГЭ по математике базового уровня оценивается отметками, и его нельзя сравнивать со школами по профильному уровню. Укажите результаты профильного уровня («Математика») или удалите строку.
intake-problem-outside-subject-invalid = Лист «{ $sheet }», ячейка { $cell }: не узнаю предмет «{ $value }». Напишите его название полностью, например «Русский язык» или «Математика».
intake-problem-outside-participants-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не число участников. Нужно целое число не меньше 1; если экзамен в школе никто не сдавал, удалите строку.
intake-problem-outside-mean-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не средний балл. Нужно число от 0 до { $max }; дробную часть можно отделить запятой.
intake-problem-outside-test-points-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не тестовый балл ЕГЭ. Нужно целое число от 0 до 100; если экзамен не сдавался, оставьте ячейку пустой.
intake-problem-outside-procedure-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не процедура. Запишите её через косую черту: вид, год, предмет, класс, например ВПР/2021/Математика/4.
intake-problem-outside-score-invalid = Лист «{ $sheet }», ячейка { $cell }: «{ $value }» — не первичный балл. Нужно целое число, не меньше 0.
intake-problem-outside-score-above-max = Лист «{ $sheet }», ячейка { $cell }: балл { $value } больше максимального балла этой работы ({ $max }).
intake-problem-outside-duplicate = Лист «{ $sheet }», ячейка { $cell }: { $what ->
    [exam] эта строка повторяет строку { $firstRow } — та же школа, экзамен, год и предмет.
    [medalist] медалист с этим кодом уже указан в строке { $firstRow } — та же школа и тот же год.
   *[recheck] работа участника с этим кодом уже указана в строке { $firstRow } — та же школа и та же процедура.
}
intake-problem-outside-code-name = Лист «{ $sheet }», ячейка { $cell }: похоже, здесь фамилия или имя. Укажите код (только цифры) — фамилии и имена не принимаются.

## Отчёт об ошибках (XLSX)

intake-report-sheet = Ошибки
intake-report-col-sheet = Лист
intake-report-col-cell = Ячейка
intake-report-col-severity = Важность
intake-report-col-text = Что не так
intake-report-severity-error = Ошибка
intake-report-severity-warning = Предупреждение
intake-report-whole-file = весь файл
intake-report-groups-sheet = Сводка
intake-report-col-count = Сколько
intake-report-col-examples = Где (примеры)
intake-report-col-schools = Школы
intake-report-col-school = Школа
intake-report-more-schools = и ещё { $count }

## Шаблон для заполнения

intake-template-title = Шаблон результатов: { $procedure }
intake-template-intro = Заполните лист «Результаты»: одна строка — один участник. Файл можно отправить боту как есть.
intake-template-step-login = «Логин ОО» — логин школы в ФИС ОКО, например edu223379. Если все строки одной школы, можно не заполнять: бот спросит.
intake-template-step-code = «Код» — код участника из ФИС ОКО (только цифры). Фамилии и имена не указывайте: файл с ними не будет принят.
intake-template-step-class = «Класс» — буква класса (А, Б…). Если буквы нет, напишите «нет».
intake-template-step-variant = «Вариант» — номер варианта. Если участник не писал работу, выберите «отсутствовал» и оставьте баллы пустыми.
intake-template-step-scores = Столбцы заданий: в скобках указан максимальный балл. Пишите целый балл от 0 до максимума, X — если ответа нет, «не пройд.» — если тема ещё не изучалась. Всего заданий: { $tasks }, максимум за работу: { $maxTotal } б.
intake-template-step-journal = «Отметка по журналу» — отметка за предыдущую четверть (триместр, полугодие): 2, 3, 4 или 5. Если отметки нет, выберите «нет отметки».
intake-template-step-send = Не переименовывайте столбцы и не удаляйте лист «Процедура»: по нему бот узнаёт работу.
intake-template-prompt-score = Целый балл от 0 до { $max }, X — нет ответа, «не пройд.» — тема не изучалась.
intake-template-error-score = Нужен целый балл от 0 до { $max }, X или «не пройд.».
intake-template-prompt-variant = Номер варианта или «отсутствовал».
intake-template-prompt-journal = Отметка 2–5 или «нет отметки».
intake-template-prompt-code = Код участника из ФИС ОКО, только цифры.
