# A spec proposed from a result file when none is held for its procedure (services/specs/propose.ts).
spec-proposal-head = Для процедуры «{ $title }» у меня нет описания заданий. Я составил его по самому файлу: заданий — { $tasks }, максимальный первичный балл — { $max }.
spec-proposal-positional = В этой выгрузке столбцы с баллами только пронумерованы, поэтому задания названы по порядку: 1, 2, 3…
spec-proposal-tasks = Задания (номер — максимальный балл): { $list }.
spec-proposal-doubts = Проверьте { $count ->
    [one] отмеченное ⚠ задание
   *[other] отмеченные ⚠ задания
  }:
spec-doubt-no-scores = { $task }: никто не получил за него ни одного балла, максимум неизвестен — поставил 1
spec-doubt-few-scores = { $task }: баллы есть лишь у { $scored } участников, настоящий максимум мог не встретиться — поставил { $max }
spec-doubt-rare-maximum = { $task }: { $max } — столько получили только { $count } из { $scored } участников; возможно, это опечатка
spec-doubt-above-header = { $task }: в заголовке указан максимум { $max }, а в файле встречается { $seen }; такие строки будут отмечены как ошибки
spec-doubt-too-large = { $task }: в файле встречается { $seen } — больше, чем может стоить одно задание ({ $limit })
spec-proposal-scale = Шкала перевода по отметкам из файла: «3» — от { $three }, «4» — от { $four }, «5» — от { $five } баллов.
spec-proposal-published-max = ⚠ Максимумы заданий в сумме дают { $max }, а по официальной шкале ВПР { $year } года максимальный первичный балл — { $published }. Возможно, за какое-то задание в файле никто не получил полного балла или заданий в файле другое число — проверьте максимумы.
spec-proposal-scale-published = Шкала перевода — официальная шкала ВПР { $year } года: «3» — от { $three }, «4» — от { $four }, «5» — от { $five } баллов.
spec-proposal-no-scale = Отметок ВПР в файле нет, поэтому шкалы перевода баллов в отметки не будет; её можно добавить позже командой /spec.
spec-proposal-scale-inconsistent = Отметки в файле противоречат баллам, шкалу по ним составить нельзя; спецификация будет без шкалы, её можно добавить позже командой /spec.
spec-proposal-scope-region = Описание будет действовать во всём регионе.
spec-proposal-scope-municipality = Описание будет действовать только для школ муниципалитета «{ $municipality }».
spec-proposal-affected = Результаты этой процедуры уже загружены для { $count } школ ({ $names }); они останутся прочитанными по прежнему описанию, новое применяется к новым загрузкам.
spec-proposal-question = Сохранить это описание и загрузить файл? Если что-то неверно, исправьте приложенную таблицу и пришлите её мне.
spec-proposal-fix-only = Сохранить описание как есть нельзя: исправьте отмеченные задания в приложенной таблице и пришлите её мне.
spec-proposal-confirm = ✅ Сохранить и загрузить
spec-proposal-file-caption = Описание заданий, составленное по файлу. Отмеченные задания стоит проверить.
spec-proposal-file-name = Спецификация — { $title }.xlsx
spec-proposal-send-fixed = Пришлите исправленную таблицу файлом .xlsx или нажмите кнопку.
spec-proposal-fix-rejected = Исправленную таблицу принять не получилось:

# What a new spec would change in the results already stored (services/specs/rescore.ts).
spec-changes-head = Если прочитать уже загруженные результаты по этому описанию, изменится следующее — { $count ->
    [one] { $count } школа
    [few] { $count } школы
   *[other] { $count } школ
  }:
spec-changes-marks = отметка изменится у { $marks } из { $rows } { $rows ->
    [one] участника
   *[other] участников
  }
spec-changes-over-max = балл выше нового максимума у { $count } (эти строки станут ошибками)
spec-changes-misfit = другое число заданий: эти результаты придётся загрузить заново
spec-changes-more = …и ещё { $count }.
spec-changes-none = Уже загруженные результаты этой процедуры ({ $rows ->
    [one] { $rows } участник
    [few] { $rows } участника
   *[other] { $rows } участников
  }) по новому описанию не изменятся.
spec-changes-question = Сохранить описание? Загруженные результаты останутся прочитанными по прежнему описанию; новое применяется к новым загрузкам.
spec-changes-save = ✅ Сохранить
spec-changes-cancel = ✖️ Отменить
spec-changes-cancelled = Хорошо, описание не сохранено.
