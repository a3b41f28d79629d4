# Result file intake: problems found in a file, the problem report, the template to fill in.
# Every problem has a key intake-problem-<code>. Every problem message receives $sheet, $cell
# (e.g. K25), $row and the problem's own parameters.

## File refused before reading

intake-problem-file-too-large = The file is too large: { $size } MB. I accept files up to { $limit } MB.
intake-problem-file-xls = This is an old Excel file (.xls). Open it in Excel, save it as "Excel Workbook (*.xlsx)" and send it again.
intake-problem-file-encrypted = The file is password-protected, so I cannot read it. Remove the password (File → Info → Protect Workbook) and send it again.
intake-problem-file-text = This is a text file (CSV or similar), not an Excel workbook. Open it in Excel, save it as "Excel Workbook (*.xlsx)" and send it again.
intake-problem-file-not-xlsx = This is not an Excel workbook in .xlsx format, or the file is damaged. Please send the results as .xlsx.
intake-problem-file-zip-bomb = Unpacked, the file takes { $size } MB, while at most { $limit } MB is allowed. Please check that this is the right file.
intake-problem-file-zip-bomb-inflated = The file grows too much when unpacked: its part “{ $part }” took more than { $size } MB, so I stopped reading it. This happens with damaged or deliberately crafted files. Open the workbook in Excel, save it again and send it once more.
intake-problem-file-too-many-sheets = The workbook has { $sheets } sheets; at most { $limit } are allowed.
intake-problem-file-too-many-rows = Sheet "{ $sheet }" has more than { $limit } rows — more than I can accept.
intake-problem-file-too-many-columns = Sheet "{ $sheet }" has { $columns } columns; at most { $limit } are allowed.
intake-problem-file-unreadable = The workbook could not be read: the file is damaged or was saved with an error. Open it in Excel, save it again as .xlsx and send it again.

## What kind of file this is

intake-problem-layout-context-form = This is the "School context data" form, not VPR results. To upload results, send a FIS OKO protocol or our template.
intake-problem-layout-empty-form = { $form ->
    [template] The template has no participants: the rows under the header are empty.
    [export] The export has no participants.
   *[collection] This is an empty results collection form: sheet "Протокол" has no participants{ $classes ->
        [0] .
       *[other] ; only sheet "Классы" is filled in.
    }
} It looks like the wrong file was sent — the form with the results entered is needed.
intake-problem-layout-unknown = I do not recognise this file (sheets: { $sheets }). I accept the FIS OKO results collection form (sheets "Классы" and "Протокол"), FIS OKO result exports, the "Individual results" report and my own template. If your file is none of these, ask me for the template, copy the results into it and send it again.
intake-problem-layout-header-unmatched = Sheet "{ $sheet }", row { $row }: this looks like a protocol header, but I do not recognise some of its cells, so I cannot read the participants. Correct the header (or use our template) and send the file again.
intake-problem-header-code-unmatched = Cell { $cell }: "{ $text }" — the header here must be "Код" (exactly, no other words).
intake-problem-header-tasks-unmatched = Cells { $cell }–{ $last }: task headers like "{ $text }" ({ $count } of them) — I expect the task number with its maximum score, e.g. "1 (1б)" or "2.1 (2б)", as in the FIS OKO form.
intake-problem-header-column-missing = Row { $row } has no { $header ->
    [code] "Код" column
    [variant] "Вариант" column
   *[tasks] task score columns
}.

## Procedure and spec

intake-problem-procedure-conflict = The file states { $part ->
    [year] the year
    [subject] the subject
    [grade] the grade
   *[kind] the procedure kind
} "{ $file }", but "{ $given }" was chosen. Please check that this is the right file.
intake-problem-spec-unknown = I have no task description (spec) for "{ $procedure }". A coordinator can send one using the spec template.
intake-problem-spec-version-outdated = The template was made for spec version { $version }; version { $current } is now in force. I check the file against the current version.
intake-problem-school-login-option-invalid = "{ $value }" is not a FIS OKO school login (expected like edu223379).

## Table header

intake-problem-header-task-missing = Sheet "{ $sheet }": there is no column for task { $task } ({ $max } pts).
intake-problem-header-task-extra = Sheet "{ $sheet }", cell { $cell }: this test has no column "{ $header }".
intake-problem-header-task-max = Sheet "{ $sheet }", cell { $cell }: the header gives task { $task } a maximum of { $found } pts, the spec { $expected } pts.
intake-problem-header-task-duplicate = Sheet "{ $sheet }", cell { $cell }: the column for task { $task } appears twice.
intake-problem-header-task-count = Sheet "{ $sheet }": the file has { $found } task score columns, the test has { $expected } tasks.
intake-problem-header-suggests-procedure = The task columns match the test "{ $subject }, grade { $grade }" ({ $year }). Perhaps the wrong subject or grade was chosen.
intake-problem-names-column = Sheet "{ $sheet }", column "{ $column }" (cell { $cell }): this looks like surnames or names. Results are accepted with participant codes only — delete this column and send the file again.
intake-problem-names-instead-of-codes = Sheet "{ $sheet }", column "{ $column }": names are given instead of participant codes. Please enter the participant codes and send the file again.

## Row errors

intake-problem-score-above-max = Sheet "{ $sheet }", cell { $cell }: { $value } exceeds the maximum of task { $task } ({ $max } pts).
intake-problem-score-negative = Sheet "{ $sheet }", cell { $cell }: negative score { $value } for task { $task }.
intake-problem-score-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a score for task { $task }. Whole numbers, X (no answer) and "не пройд." (not taught) are allowed.
intake-problem-variant-unknown = Sheet "{ $sheet }", cell { $cell }: unknown variant "{ $value }".
intake-problem-variant-missing = Sheet "{ $sheet }", cell { $cell }: no variant given. If the participant did not sit the test, enter "отсутствовал".
intake-problem-code-missing = Sheet "{ $sheet }", cell { $cell }: no participant code.
intake-problem-code-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a participant code (codes consist of digits only).
intake-problem-code-duplicate = Sheet "{ $sheet }", cell { $cell }: code { $code } already occurs in this school (row { $firstRow }).
intake-problem-school-login-missing = Sheet "{ $sheet }", cell { $cell }: no school login.
intake-problem-school-login-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a school login (expected like edu223379).
intake-problem-absent-with-scores = Sheet "{ $sheet }", cell { $cell }: the participant is marked absent, but the row has scores.

## Warnings

intake-problem-variant-unusual = Sheet "{ $sheet }", cell { $cell }: variant { $value }. This happens in grade-11 foreign languages, but please check.
intake-problem-variant-zero = Sheet "{ $sheet }", cell { $cell }: variant 0 (this occurs in the 2021 FIS OKO exports). The scores count; the variant is treated as unknown.
intake-problem-total-mismatch = Sheet "{ $sheet }", cell { $cell }: the file's total is { $recorded }, the task scores add up to { $computed }. I use the sum of the task scores.
intake-problem-total-missing = Sheet "{ $sheet }", cell { $cell }: no total given; the task scores add up to { $computed }.
intake-problem-journal-mark-missing = Sheet "{ $sheet }", cell { $cell }: no journal mark — the participant is left out of the comparison with the journal.
intake-problem-journal-mark-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a mark (2 to 5 expected); the participant is left out of the comparison with the journal.
intake-problem-row-longer-than-header = Sheet "{ $sheet }", cell { $cell }: { $extra } more { $extra ->
    [one] score follows
   *[other] scores follow
} the last task — the row is longer than the header. These values are not counted.
intake-problem-formula-no-value = Sheet "{ $sheet }", cell { $cell }: a formula saved without its value, so the cell was read as empty. This happens when the file was saved by a program that does not calculate formulas. Open the file in Excel, let it recalculate, save it and send it again.
intake-problem-class-latin-letters = Sheet "{ $sheet }", cell { $cell }: class name "{ $value }" contains Latin letters; read as "{ $normalised }" ({ $count } { $count ->
    [one] row
   *[other] rows
}).
intake-problem-not-taught = Sheet "{ $sheet }", cell { $cell }: task { $task } is marked "не пройд." (not taught) for { $count } { $count ->
    [one] participant
   *[other] participants
} of school { $school }. It counts as 0 in the total and is left out of the task's completion rate.
intake-problem-mark-mismatch = Sheet "{ $sheet }", cell { $cell }: the file's mark is { $recorded }, the total score gives { $computed }.
intake-problem-row-excluded = Sheet "{ $sheet }", row { $row }: the participant with code { $code } was not imported because of errors in the row.

## Spec workbook and context data

intake-problem-spec-sheet-missing = The workbook has no sheet "Спецификация". Take the spec template, fill it in and send it again.
intake-problem-spec-field-missing = Sheet "{ $sheet }", cell { $cell }: the field "{ $field ->
    [kind] Procedure kind
    [year] Year
    [subject] Subject
   *[grade] Grade
}" is empty.
intake-problem-spec-kind-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a known procedure kind (ВПР, КДР, ОГЭ or ЕГЭ).
intake-problem-spec-year-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a year.
intake-problem-spec-grade-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a grade (a number from 1 to 11).
intake-problem-spec-label-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a task label (e.g. 5, 5.1, 1К1).
intake-problem-spec-label-duplicate = Sheet "{ $sheet }", cell { $cell }: task { $label } is listed twice.
intake-problem-spec-max-invalid = Sheet "{ $sheet }", cell { $cell }: task { $task } has maximum "{ $value }"; a whole number from 1 to 20 is needed.
intake-problem-spec-level-invalid = Sheet "{ $sheet }", cell { $cell }: task { $task } has level "{ $value }"; Б, П, В or an empty cell are allowed.
intake-problem-spec-scale-invalid = Sheet "{ $sheet }", cell { $cell }: { $reason ->
    [partial] fill in all three mark thresholds or leave all three empty.
    [order] mark thresholds must increase: "3" below "4", "4" below "5".
   *[above-max] the threshold for "5" exceeds the test's maximum score ({ $maxTotal }).
}
intake-problem-spec-no-tasks = Sheet "{ $sheet }": the task table has no tasks.
intake-problem-spec-other-procedure = This spec is for "{ $spec }", but the result file is "{ $file }". Send a spec for "{ $file }".
intake-problem-spec-task-count-differs = The spec has { $found } tasks, but the result file has { $expected } score columns: the numbers must match.
intake-problem-context-form-unknown = This is not the FIS OKO "School context data" form: no school login column was found.

## Outside data: OGE and EGE, medalists, re-checks

intake-problem-outside-no-data = The outside-data workbook has no filled rows: sheets "ОГЭ и ЕГЭ", "Медалисты" and "Перепроверка" are empty. Please fill in at least one of them and send the file again.
intake-problem-outside-value-missing = Sheet "{ $sheet }", cell { $cell }: column "{ $header }" is empty.
intake-problem-outside-header-missing = Sheet "{ $sheet }", cell { $cell }: there is no column "{ $header }". Please do not rename the template's columns; a new template is available with /template.
intake-problem-outside-school-unknown = Sheet "{ $sheet }", cell { $cell }: there is no school with login { $value } in the directory. Please check the login: schools enter the directory with the "School context data" form or with VPR results.
intake-problem-outside-exam-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not an exam. Please enter ОГЭ or ЕГЭ.
intake-problem-outside-year-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a year. A year from { $min } to { $max } is needed.
intake-problem-outside-math-base-level = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is base-level ЕГЭ mathematics, which is marked 2–5 and cannot be ranked with the profile-level exam. Please give the profile-level results ("Математика") or delete the row.
intake-problem-outside-subject-invalid = Sheet "{ $sheet }", cell { $cell }: I do not recognise the subject "{ $value }". Please write its full name, e.g. "Русский язык" or "Математика".
intake-problem-outside-participants-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a number of participants. A whole number of at least 1 is needed; if nobody at the school sat the exam, delete the row.
intake-problem-outside-mean-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a mean score. A number from 0 to { $max } is needed.
intake-problem-outside-test-points-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not an EGE test score. A whole number from 0 to 100 is needed; if the exam was not taken, leave the cell empty.
intake-problem-outside-procedure-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a procedure. Write it with slashes: kind, year, subject, grade, e.g. ВПР/2021/Математика/4.
intake-problem-outside-score-invalid = Sheet "{ $sheet }", cell { $cell }: "{ $value }" is not a primary score. A whole number of at least 0 is needed.
intake-problem-outside-score-above-max = Sheet "{ $sheet }", cell { $cell }: score { $value } exceeds the maximum of this test ({ $max }).
intake-problem-outside-duplicate = Sheet "{ $sheet }", cell { $cell }: { $what ->
    [exam] this row repeats row { $firstRow } — the same school, exam, year and subject.
    [medalist] a medalist with this code is already given in row { $firstRow } — the same school and year.
   *[recheck] this participant's work is already given in row { $firstRow } — the same school and procedure.
}
intake-problem-outside-code-name = Sheet "{ $sheet }", cell { $cell }: this looks like a surname or a name. Please enter a code (digits only) — surnames and names are not accepted.

## Problem report (XLSX)

intake-report-sheet = Errors
intake-report-col-sheet = Sheet
intake-report-col-cell = Cell
intake-report-col-severity = Severity
intake-report-col-text = What is wrong
intake-report-severity-error = Error
intake-report-severity-warning = Warning
intake-report-whole-file = whole file
intake-report-groups-sheet = Summary
intake-report-col-count = How many
intake-report-col-examples = Where (examples)
intake-report-col-schools = Schools
intake-report-col-school = School
intake-report-more-schools = and { $count } more

## Template to fill in

intake-template-title = Results template: { $procedure }
intake-template-intro = Fill in sheet "Результаты": one row per participant. The file can be sent to the bot as it is.
intake-template-step-login = "Логин ОО" — the school's FIS OKO login, e.g. edu223379. If all rows belong to one school you may leave it empty: the bot will ask.
intake-template-step-code = "Код" — the participant code from FIS OKO (digits only). Do not enter surnames or names: a file with them is refused.
intake-template-step-class = "Класс" — the class letter (А, Б…). If there is none, write "нет".
intake-template-step-variant = "Вариант" — the variant number. If the participant did not sit the test, choose "отсутствовал" and leave the scores empty.
intake-template-step-scores = Task columns: the maximum score is in brackets. Enter a whole score from 0 to the maximum, X if there is no answer, "не пройд." if the topic has not been taught yet. Tasks: { $tasks }, maximum for the test: { $maxTotal } pts.
intake-template-step-journal = "Отметка по журналу" — the mark for the previous term: 2, 3, 4 or 5. If there is none, choose "нет отметки".
intake-template-step-send = Do not rename the columns or delete sheet "Процедура": it tells the bot which test this is.
intake-template-prompt-score = A whole score from 0 to { $max }, X for no answer, "не пройд." if not taught.
intake-template-error-score = A whole score from 0 to { $max }, X or "не пройд." is needed.
intake-template-prompt-variant = The variant number or "отсутствовал".
intake-template-prompt-journal = A mark 2–5 or "нет отметки".
intake-template-prompt-code = The participant code from FIS OKO, digits only.
