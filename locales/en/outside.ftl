# Outside data for signs S8, S9, S10: the workbook template and the bot's replies after loading it.

## Template

outside-template-title = Outside data for the objectivity analysis: OGE and EGE, medalists, re-checks
outside-template-intro = These data feed three signs: S8 (VPR results not confirmed by OGE and EGE), S9 (medalists' results not confirmed by EGE) and S10 (results not confirmed on re-check). Fill in only the sheets you have data for and leave the others empty. Do not enter surnames or names.
outside-template-exams = Sheet "ОГЭ и ЕГЭ": one row per school, exam, year and subject. "Экзамен" — ОГЭ or ЕГЭ; "Участников" — how many of the school's graduates sat the exam; "Средний балл" — the school's mean result. Any scale will do (primary score, test score or mean mark), but the same one for every school of one exam, year and subject: the schools' ranks are compared, not the scores themselves.
outside-template-exams-subjects = Give EGE mathematics at the profile level: the base level is graded with marks, not scores. VPR in grades 4–9 is compared with the OGE, in grades 10–11 with the EGE of the same subject (the other exam when that one is missing). When there are no data for the VPR year, the nearest earlier year is used.
outside-template-medalists = Sheet "Медалисты": one row per medalist. "Год" — the year of graduation; "Код медалиста" — an optional code (digits only) that helps not to list one person twice; "ЕГЭ русский язык" and "ЕГЭ математика" — test scores from 0 to 100. If the exam was not taken, leave the cell empty.
outside-template-rechecks = Sheet "Перепроверка": one row per re-checked work. "Процедура" is written with slashes: kind, year, subject, grade, e.g. ВПР/2021/Математика/4. "Код участника" — the participant code from FIS OKO; "Балл ОО" — the primary score given by the school; "Балл после перепроверки" — the primary score after the re-check.
outside-template-logins = "Логин ОО" — the school's FIS OKO login, e.g. edu223017 or sch223017. The school must be in the bot's directory; if the workbook has a sheet "Школы", it lists your schools.
outside-template-replace = Loading again replaces the earlier data of the same schools: per exam, year and subject (OGE and EGE), per year (medalists), per procedure (re-checks). Data of other schools, years and procedures stay as they were. If the file has a single error, nothing is saved.
outside-template-send = Do not rename the sheets or columns. Send the filled-in file to the bot; municipal coordinators can load it.
outside-template-prompt-points = EGE test score from 0 to 100. Empty — the exam was not taken.
outside-template-prompt-mean = The school's mean score: a number from 0 to 100.
outside-template-prompt-code = A code, digits only. Do not enter surnames or names.
outside-template-prompt-procedure = For example: ВПР/2021/Математика/4
outside-template-prompt-score = Primary score: a whole number from 0.
outside-template-school-name = School name
outside-template-caption = Outside-data template: OGE and EGE, medalists, re-checks. Fill in the sheets you need (no surnames or names) and send the file back to me.

## Loading in the chat

template-ask-kind = Which template do you need?
template-kind-results = VPR results
template-kind-outside = Outside data: OGE, EGE, medalists, re-checks
outside-imported =
    Outside data loaded. OGE and EGE — rows: { $exams }; medalists: { $medalists }; re-checked works: { $rechecks }. Schools: { $schools }.
    They will be used in the analysis (signs S8, S9 and S10).
outside-rejected = The outside data were not loaded: the file has { $count } errors. Please fix them and send the file again; the data loaded earlier have not changed.
outside-more-problems = …and { $count } more.
outside-not-allowed = You may load outside data only for the schools of your municipality. The file has other schools: { $schools }. Nothing was saved.
outside-not-allowed-role = Outside data (OGE and EGE, medalists, re-checks) are loaded by municipal coordinators. Please pass the file to your municipality's coordinator.
