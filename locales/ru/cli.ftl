# Командная строка (src/cli.ts): справка, ответы и ошибки.

cli-usage =
    Команды:
      import <файл.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes] [--accept-spec | --spec спецификация.xlsx]
      spec <файл с результатами.xlsx> --out спецификация.xlsx [--procedure …]   (описание заданий, составленное по файлу, — проверить и исправить)
      analyze <файл.xlsx | "ВПР/2021/Математика/4"> [--out отчёт.xlsx] [--json] [--settings настройки.json] [--preset fioko2019]
      schools <форма контекстных данных.xlsx>
      template "ВПР/2021/Математика/4" --out шаблон.xlsx
      template outside --out внешние-данные.xlsx     (шаблон внешних данных: ОГЭ и ЕГЭ, медалисты, перепроверка)
    Команда import принимает любую книгу, которую принимает бот: результаты, внешние данные, форму контекстных данных, спецификацию.
    Язык ответов: --lang ru (по умолчанию) или --lang en.
    База данных: переменная DATABASE_URL (по умолчанию встроенная, ./data/pglite).
cli-user-name = Командная строка
cli-procedure-invalid = Не понял процедуру «{ $text }»: нужно «вид/год/предмет/класс», например «ВПР/2021/Математика/4».
cli-language-invalid = Неизвестный язык «{ $value }»: есть ru и en.
cli-rows-read = Прочитано строк: { $rows }
cli-problem-error = ошибка: { $text }
cli-problem-warning = предупреждение: { $text }
cli-more-problems = …и ещё { $count }
cli-missing = Не удалось определить: { $parts }. Укажите --procedure и/или --school.
cli-missing-year = год
cli-missing-subject = предмет
cli-missing-grade = класс
cli-missing-school = школа
cli-scope = В файле есть школы вне вашей зоны ответственности ({ $others }); ваших — { $count }. Загрузите файл с результатами только ваших школ. Данные не сохранены.
cli-not-imported-errors = Файл не загружен: есть ошибки.
cli-exclude-invalid-hint = Чтобы загрузить без строк с ошибками, добавьте --exclude-invalid.
cli-confirm-warnings = Есть предупреждения ({ $count }). Чтобы загрузить с ними, повторите с --yes.
cli-not-imported = Не загружено: { $reason }
cli-imported = Загружено: { $title }. Школ: { $schools }, участников: { $present }, отсутствовали: { $absent }.{ $excluded ->
    [0] {""}
   *[other] {" "}Не загружено строк с ошибками: { $excluded }.
}
cli-outside-imported = Внешние данные загружены: ОГЭ и ЕГЭ — строк { $exams }, медалистов { $medalists }, перепроверенных работ { $rechecks }. Школ: { $schools }.
cli-outside-rejected = Внешние данные не загружены: есть ошибки.
cli-preset-unknown = Неизвестный набор настроек «{ $preset }»: есть fioko2019.
cli-procedure-undetermined = Не удалось определить процедуру: укажите --procedure.
cli-file-unreadable = Файл не удалось прочитать.
cli-no-results = Нет загруженных результатов «{ $title }».
cli-report-written = Отчёт записан: { $file }
cli-summary = { $title }: школ { $schools }; зона риска — { $risk }, требуют внимания — { $attention }, не требуют действий — { $none }. Подробности: --json или --out отчёт.xlsx
cli-need-file = Укажите файл: cli import <файл.xlsx>
cli-need-target = Укажите файл или процедуру: cli analyze <файл.xlsx | ВПР/2021/Математика/4>
cli-need-context-form = Укажите форму контекстных данных: cli schools <файл.xlsx>
cli-directory-updated = Справочник школ обновлён (форма { $form }): новых — { $created }, обновлено — { $updated }.
cli-template-usage = cli template «ВПР/2021/Математика/4» --out шаблон.xlsx  или  cli template outside --out внешние-данные.xlsx
cli-outside-template-written = Шаблон внешних данных записан: { $file }
cli-template-written = Шаблон записан: { $file }
cli-no-spec = Нет спецификации для «{ $title }».
cli-command-unknown = Неизвестная команда «{ $command }».

# Failures, one plain line each (src/cli-errors.ts)
cli-error-file-missing = Файл «{ $file }» не найден. Проверьте путь и имя файла.
cli-error-file-denied = Нет доступа к файлу «{ $file }»: не хватает прав на чтение или запись.
cli-error-is-directory = «{ $file }» — это папка, а нужен файл.
cli-error-disk-full = На диске не осталось места. Освободите место и повторите команду.
cli-error-usage = Команда записана неверно: { $detail }. Справка: cli help
cli-error-settings-json = Файл настроек не читается как JSON: { $detail }
cli-error-database-locked = База данных в папке «{ $dir }» сейчас открыта другой программой (процесс { $pid }) — например, запущенным ботом. Встроенную базу может открыть только одна программа: остановите ту и повторите команду.
cli-error-database-locked-self = База данных в папке «{ $dir }» уже открыта этой же программой.
cli-error-unexpected = Команда не выполнена из-за непредвиденной ошибки: { $detail }
cli-spec-confirm-hint = Чтобы сохранить это описание и загрузить файл, повторите с --accept-spec. Чтобы исправить: «spec <файл> --out спецификация.xlsx», исправьте таблицу и повторите с --spec спецификация.xlsx.
cli-spec-fix-hint = Сохранить описание как есть нельзя. Запишите его в таблицу («spec <файл> --out спецификация.xlsx»), исправьте отмеченные задания и повторите с --spec спецификация.xlsx.
cli-spec-unreadable = Таблицу спецификации «{ $file }» принять не получилось:
cli-spec-usage = Команда spec: spec <файл с результатами.xlsx> --out спецификация.xlsx — предложить описание заданий по файлу; spec <спецификация.xlsx> — показать, что оно изменит в уже загруженных результатах.
cli-spec-nothing-stored = Результатов процедуры «{ $title }» в вашей зоне пока нет: новое описание ничего не изменит.
cli-spec-check-hint = Ничего не сохранено. Чтобы сохранить описание, выполните: import { $file } --yes
cli-spec-changes-hint = Описание не сохранено. Чтобы сохранить его всё равно, повторите с --yes.
cli-spec-written = Описание заданий записано в { $file }. Проверьте отмеченные задания, исправьте, если нужно, и загрузите файл с результатами с --spec { $file } (или отправьте таблицу боту командой /spec).
cli-spec-exists = Для процедуры «{ $title }» спецификация уже есть (версия { $version }): файл читается по ней, предлагать нечего.
cli-spec-needs-procedure = Не удалось определить процедуру файла. Укажите --procedure.
