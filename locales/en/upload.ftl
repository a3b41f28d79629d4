# Results upload: the chat dialog.

upload-send-file = Send the ВПР results as an .xlsx file: the FIS OKO collection form, a regional export, or the filled-in template (/template).
upload-too-large = The file is { $size } MB, and Telegram lets bots download files of at most 20 MB. Split the file, or load it with the command line (cli import).
upload-download-failed = I could not get the file from Telegram. Please send it again.
upload-reading = Reading «{ $name }»…
upload-progress = Reading «{ $name }»: { $rows } rows done…
upload-queued = I am reading other files right now. Your file «{ $name }» is number { $place } in line; I will start as soon as a slot is free.
upload-ask-procedure = The file does not say which test it is. Choose the procedure:
upload-procedure-other = Another procedure
upload-ask-year = Choose the year:
upload-ask-subject = Choose the subject:
upload-ask-grade = Choose the grade:
upload-grade = grade { $grade }
upload-use-buttons = Please choose with a button, or send /cancel to stop the upload.
upload-ask-school = The file names no school. Send your school's FIS OKO login, e.g. edu223017.
upload-read = File read: { $title }. Schools: { $schools }, participants: { $present }, absent: { $absent }.
upload-errors = Errors found: { $errors }{ $warnings ->
    [0] .
   *[other] , warnings: { $warnings }.
} The first ones:
upload-problems-file = The full list of problems: errors in red, warnings in yellow, each cell with a note.
upload-fix-and-resend = Nothing was saved. Fix the file and send it again — the earlier results stay as they were.
upload-exclude-offer = Every error concerns single rows. I can load the file without those rows (they will be listed among the warnings), or you can cancel and fix the file.
upload-exclude = Load without the rows with errors
upload-warnings = There are warnings ({ $warnings }). The data can be loaded, but please look at them first:
upload-confirm-question = Load the results?
upload-confirm = ✅ Load
upload-cancel = ✖️ Cancel
upload-cancelled = Upload cancelled, nothing was saved. The earlier results stay as they were.
upload-not-accepted = This file cannot be loaded:
upload-template-hint = Get a template to fill in with /template.
upload-needs-spec = There is no task list and mark scale for «{ $title }» yet. A municipal coordinator can send one with /spec.
upload-still-unknown = I could not tell the procedure or the school. Please start the upload again.
upload-not-allowed = You may load results of your own schools only. The file has schools outside your area: { $schools }. Nothing was saved.
upload-done =
    Done, the results are saved: { $title }.
    Schools: { $schools } (new in the directory: { $created }), participants: { $present }, absent: { $absent }.
upload-excluded = Rows with errors left out: { $count }. Fix them and send the file again.
upload-replaced = Schools that had loaded this test before ({ $count }) got a new version; the previous one is kept and can be restored.
upload-open-analysis = 📊 See the analysis
upload-private-only = I take result files in a private chat only.
upload-not-allowed-role = Teachers and coordinators can load results. If you work at a school, ask your coordinator for an invitation link.

template-ask = Which test is the template for?
template-caption = Template for «{ $title }»: fill in the «Результаты» sheet (no surnames — participant codes only) and send the file back to me.

spec-template-caption = The spec template: give the kind of procedure, year, subject, grade, the mark scale and the task table (number, maximum score, level Б/П/В). Fill it in and send it back to me.
spec-send-file = Send the filled-in spec template as an .xlsx file, or send /cancel.
spec-rejected = I could not accept the spec:
spec-saved = Spec saved: { $title }, version { $version }. Tasks: { $tasks }, maximum score: { $max }. New files are checked against it; results already loaded keep the version they were read with.
spec-scope-region = It applies to the whole region.
spec-scope-municipality = It applies only to the schools of { $municipality }.
spec-not-allowed = Municipal coordinators can add and fix specs.
help-spec = /spec — add or fix a procedure spec (tasks and scale)
directory-imported = This is the «Сбор контекстных данных об ОО» form: the school directory is updated. New schools: { $created }, updated: { $updated }. Settlement type and size and the other fields are used to compare similar schools.
directory-skipped = Schools you may not change were left as they are ({ $count }): { $list }. Schools of other municipalities are changed by their coordinator; new schools are added by an administrator.

# Whose schools are in the file: asked right after the read, before any list of errors.
upload-scope-mine = The file holds { $total } { $total ->
    [one] school
   *[other] schools
}, { $count } of them yours:
upload-scope-more = … and { $count } more
upload-scope-others = The other { $others } are not yours: their coordinators load their results.
upload-scope-reference = The other { $others } belong to other municipalities. They can be kept for comparison only: they count in the region's figures, but you will not see them and they raise no alerts. When a municipality loads its own results, those replace this copy.
upload-scope-question = What shall I load?
upload-scope-only-mine = Only my schools ({ $count })
upload-scope-with-reference = My schools ({ $count }) and the rest for comparison
upload-scope-none = The file holds none of your schools ({ $count } in the file: { $schools }). You may load results of your own schools only. Nothing was saved.
upload-done-reference = Kept for comparison: results of other municipalities, { $count } schools.
upload-reference-left-out = Rows of other municipalities with errors were left out of the comparison: { $count }. Those municipalities fix them.
upload-kept-own = Not replaced: results the municipalities loaded themselves, { $count } schools.
upload-interrupted = The file «{ $name }» was not loaded: the bot stopped while reading it. Please send the file again.
