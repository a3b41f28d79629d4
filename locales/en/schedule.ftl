# The procedure schedule: template, upload, entering and confirming dates.

schedule-no-sheet = the workbook has no sheet «{ $sheet }». Download the template with /schedule.
schedule-headers = the headers differ from the template. Download a fresh template with /schedule.
schedule-too-many-rows = more than { $limit } rows — this does not look like one municipality's schedule.
schedule-login = «{ $value }» is not a FIS OKO school login (e.g. edu223017)
schedule-kind = «{ $value }»: write the procedure — ВПР or КДР
schedule-subject = «{ $value }»: subject not recognised; pick one from the list
schedule-grade = «{ $value }»: the grade is a whole number from 1 to 11
schedule-date = «{ $value }» is not a date; write DD.MM.YYYY
schedule-start = «{ $value }» is not a time; write HH:MM, e.g. 09:00
schedule-rooms = «{ $value }»: rooms — from 1 to 100
schedule-day-off = { $date } is a day off or a holiday; works are not held on such days
schedule-no-calendar = there is no production calendar for { $year }; ask an admin to load it (/calendar)
schedule-outside-window = { $date } is outside the federal ВПР window of { $year } ({ $from } — { $to }); a school picks its date inside the window
schedule-duplicate = the same work on the same day is already in row { $row }
schedule-unknown-school = the bot does not know school { $login }; load the context-data form or invite the school
schedule-outside-scope = school { $login } is outside your area

schedule-confirm-request = 🗓 The coordinator entered procedure dates for your school ({ $count }). Please check and confirm them:
schedule-confirm-line = • { $date } — { $procedure }
schedule-more = …and { $count } more.
schedule-button-confirm-all = ✅ Confirm all dates
schedule-button-open = 🗓 Open the schedule

schedule-title = 🗓 Procedure schedule
schedule-empty = The schedule is empty. Download the template, enter the dates of the works and send the file back — or add a date with the button.
schedule-line = { $date } — { $procedure }: { $school }{ $confirmed ->
    [yes] {" "}✅
   *[no] {" "}⏳
}
schedule-list-more = …and { $count } more. The full list is in the template.
schedule-legend = ✅ — confirmed by the school, ⏳ — waiting for confirmation.
schedule-provisional = Dates in { $year } follow the provisional production calendar.
schedule-button-template = ⬇️ Template with the schedule
schedule-button-upload = ⬆️ Upload the schedule
schedule-button-add = ➕ Add a date
schedule-button-confirm = ✅ Confirm the school's dates
schedule-not-allowed = Coordinators keep the schedule: a municipal coordinator for every school, a school coordinator for their school.
schedule-template-caption = The procedure schedule: one row per work. Fill it in and send it back here with /schedule.
schedule-send-file = Send the filled schedule template (.xlsx). /cancel to stop.
schedule-imported = Schedule saved: { $added } added, { $changed } changed, { $removed } removed, { $unchanged } unchanged ({ $schools } schools). Deadlines and reminders are recomputed.
schedule-rejected = The schedule was not saved, nothing changed. Please fix ({ $count }):
schedule-confirmed = Dates confirmed: { $count }. Thank you!
schedule-nothing-to-confirm = Every date of your school is confirmed already.
schedule-ask-school = Which school? Send its FIS OKO login, e.g. edu223017.
schedule-school-unknown = This is not one of your schools. Send a login such as edu223017.
schedule-ask-kind = Which procedure?
schedule-ask-subject = Subject:
schedule-ask-grade = Grade:
schedule-grade-button = grade { $grade }
schedule-ask-date = Date of the work (DD.MM.YYYY):
schedule-bad-date = I did not understand the date. Write e.g. 21.04.2026.
schedule-ask-start = When does it start (HH:MM)? You may skip this.
schedule-button-no-start = Skip
schedule-bad-start = I did not understand the time. Write e.g. 09:00, or press «Skip».
schedule-saved = Date saved: { $date } — { $procedure }, { $school }.{ $confirmed ->
    [yes] {" "}It is confirmed.
   *[no] {" "}The school coordinator was asked to confirm it.
}
schedule-use-buttons = Please choose with a button.
