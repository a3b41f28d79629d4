# The command line (src/cli.ts): help, replies and errors.

cli-usage =
    Commands:
      import <file.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes] [--accept-spec | --spec spec.xlsx]
      spec <results.xlsx> --out spec.xlsx [--procedure …]   (the task description made from the file — to check and correct)
      analyze <file.xlsx | "ВПР/2021/Математика/4"> [--out report.xlsx] [--json] [--settings settings.json] [--preset fioko2019]
      schools <context-data form.xlsx>
      template "ВПР/2021/Математика/4" --out template.xlsx
      template outside --out outside-data.xlsx     (the outside-data template: ОГЭ and ЕГЭ, medalists, re-checks)
    The import command takes any workbook the bot takes: results, outside data, the context-data form, a spec.
    Language of the replies: --lang ru (the default) or --lang en.
    Database: the DATABASE_URL variable (by default the embedded one, ./data/pglite).
cli-user-name = Command line
cli-procedure-invalid = I do not understand the procedure "{ $text }": it should be "kind/year/subject/grade", e.g. "ВПР/2021/Математика/4".
cli-language-invalid = Unknown language "{ $value }": there are ru and en.
cli-rows-read = Rows read: { $rows }
cli-problem-error = error: { $text }
cli-problem-warning = warning: { $text }
cli-more-problems = …and { $count } more
cli-missing = Could not determine: { $parts }. Please give --procedure and/or --school.
cli-missing-year = year
cli-missing-subject = subject
cli-missing-grade = grade
cli-missing-school = school
cli-scope = The file holds schools outside your scope ({ $others }); { $count } are yours. Load a file with your schools only. Nothing was saved.
cli-not-imported-errors = The file was not loaded: it has errors.
cli-exclude-invalid-hint = To load it without the rows with errors, add --exclude-invalid.
cli-confirm-warnings = There are warnings ({ $count }). To load the file with them, repeat with --yes.
cli-not-imported = Not loaded: { $reason }
cli-imported = Loaded: { $title }. Schools: { $schools }, participants: { $present }, absent: { $absent }.{ $excluded ->
    [0] {""}
   *[other] {" "}Rows with errors left out: { $excluded }.
}
cli-outside-imported = Outside data loaded: ОГЭ and ЕГЭ rows { $exams }, medalists { $medalists }, re-checked papers { $rechecks }. Schools: { $schools }.
cli-outside-rejected = The outside data was not loaded: the file has errors.
cli-preset-unknown = Unknown settings preset "{ $preset }": there is fioko2019.
cli-procedure-undetermined = Could not determine the procedure: please give --procedure.
cli-file-unreadable = The file could not be read.
cli-no-results = No results of "{ $title }" are loaded.
cli-report-written = Report written: { $file }
cli-summary = { $title }: { $schools } schools; risk zone { $risk }, need attention { $attention }, no action needed { $none }. Details: --json or --out report.xlsx
cli-need-file = Please give a file: cli import <file.xlsx>
cli-need-target = Please give a file or a procedure: cli analyze <file.xlsx | ВПР/2021/Математика/4>
cli-need-context-form = Please give the context-data form: cli schools <file.xlsx>
cli-directory-updated = School directory updated (form { $form }): new { $created }, updated { $updated }.
cli-template-usage = cli template "ВПР/2021/Математика/4" --out template.xlsx  or  cli template outside --out outside-data.xlsx
cli-outside-template-written = Outside-data template written: { $file }
cli-template-written = Template written: { $file }
cli-no-spec = There is no spec for "{ $title }".
cli-command-unknown = Unknown command "{ $command }".

# Failures, one plain line each (src/cli-errors.ts)
cli-error-file-missing = File «{ $file }» not found. Check the path and the file name.
cli-error-file-denied = No access to «{ $file }»: permission to read or write it is missing.
cli-error-is-directory = «{ $file }» is a folder; a file is needed.
cli-error-disk-full = The disk is full. Free some space and run the command again.
cli-error-usage = The command is written wrongly: { $detail }. Help: cli help
cli-error-settings-json = The settings file does not read as JSON: { $detail }
cli-error-database-locked = The database in «{ $dir }» is open in another program (process { $pid }), a running bot for example. Only one program may open the embedded database: stop that one and run the command again.
cli-error-database-locked-self = The database in «{ $dir }» is already open in this program.
cli-error-unexpected = The command failed with an unexpected error: { $detail }
cli-spec-confirm-hint = To save this description and load the file, repeat with --accept-spec. To correct it: "spec <file> --out spec.xlsx", correct the table and repeat with --spec spec.xlsx.
cli-spec-fix-hint = This description cannot be saved as it is. Write it to a table ("spec <file> --out spec.xlsx"), correct the marked tasks and repeat with --spec spec.xlsx.
cli-spec-unreadable = The spec table "{ $file }" could not be accepted:
cli-spec-usage = The spec command: spec <results.xlsx> --out spec.xlsx proposes a spec from a result file; spec <spec.xlsx> shows what a spec would change in the results already loaded.
cli-spec-nothing-stored = No results of «{ $title }» are stored in your area yet: the new spec changes nothing.
cli-spec-check-hint = Nothing was saved. To save the spec, run: import { $file } --yes
cli-spec-changes-hint = The spec was not saved. To save it all the same, repeat with --yes.
cli-spec-written = The task description is written to { $file }. Check the marked tasks, correct them if needed, and load the result file with --spec { $file } (or send the table to the bot with /spec).
cli-spec-exists = "{ $title }" has a spec already (version { $version }): the file is read with it, there is nothing to propose.
cli-spec-needs-procedure = The file's procedure could not be told. Add --procedure.
