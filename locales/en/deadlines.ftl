# Deadlines, reminders, the procedure calendar, events, school reports.

deadline-kind-briefing = coordinator briefings
deadline-kind-materials = materials checks
deadline-kind-results_upload = results uploads
deadline-kind-analysis = results analysis
deadline-kind-report = documents from schools
deadline-kind-event = meetings and seminars
deadline-kind-recheck = re-checks of works
deadline-kind-follow_up = follow-up measures
deadline-kind-observer_act = observation acts
deadline-kind-observer_assignment = observer assignments
deadline-kind-kdr_scale = КДР mark scales
deadline-kind-observer_briefing = observer briefings

deadline-school = {" "}— school { $login }
deadline-school-named = {" "}— { $name } ({ $login })
deadline-provisional = The { $year } calendar is provisional: the decree on moved days off has not been adopted yet, dates may shift.

deadline-reminder =
    ⏰ Reminder: { $title }{ $school }.
    Due { $due }, { $left ->
        [0] that is today.
        [one] { $left } working day left.
       *[other] { $left } working days left.
    }
deadline-reminder-results_upload =
    ⏰ { $title }{ $school }.
    The results are not in the bot yet. Send the FIS OKO file here by { $due } ({ $left ->
        [0] that is today
        [one] { $left } working day left
       *[other] { $left } working days left
    }). The reminders stop once the file is uploaded.
deadline-reminder-report =
    ⏰ A document is expected: { $title }{ $school }.
    Due { $due }, { $left ->
        [0] that is today.
        [one] { $left } working day left.
       *[other] { $left } working days left.
    } Upload it with the button in the request or with /reports.
deadline-reminder-event = 📅 Reminder: { $title }{ $school } — { $due }.
deadline-overdue =
    ⚠️ Overdue: { $title }{ $school }. It was due by { $due }.
    If it is done already, mark it with the button below.
deadline-escalation-head = ⚠️ Overdue ({ $count }):
deadline-escalation-line = • { $title }{ $school } — was due { $due }
deadline-escalation-line-nobody = • { $title }{ $school } — was due { $due } (the school has no coordinator in the bot)
deadline-escalation-more = …and { $count } more.
deadline-escalation-foot = The people responsible have been reminded. You can mark what is done in the list by school.
deadline-escalation-foot-nobody = The people responsible have been reminded. Where a school has no coordinator in the bot there is nobody to remind — invite one with /invite.
deadline-button-board = 📋 Deadlines by school
deadline-button-done = ✅ Done
deadline-button-mute = 🔕 Stop reminders like this

deadline-title-briefing = Brief the school coordinators before { $season } (the first work in the municipality is on { $date })
deadline-title-materials = Check the materials in FIS OKO: { $procedure }, work on { $date }
deadline-title-results_upload = Upload the results: { $procedure }, work on { $date }
deadline-title-analysis = Analyse the results: { $procedure } (results in since { $date })

deadline-title-recheck = Re-check of the works of plan No. { $plan }: { $procedure }
deadline-title-follow_up = { $measure ->
    [visit] School visit
    [observers] Observers at the next procedure
    [video] Video surveillance
    [help_programme] Help programme for the teachers
    [interview] Interview with the administration
   *[other] Measure
  } for case No. { $case }
deadline-title-observer_act = Observation act: { $procedure }, work on { $date }

report-title = { $title }

sheet-problem-cell = Sheet «{ $sheet }», cell { $cell }: { $text }
sheet-problem-sheet = Sheet «{ $sheet }»: { $text }
sheet-problem-path = { $path }: { $text }

help-deadlines = /deadlines — your deadlines for 30 days, reminders
help-schedule = /schedule — the procedure schedule: template, upload, confirming dates
help-events = /events — meetings, seminars, interviews
help-reports = /reports — documents from schools by a date
help-calendar = /calendar — the production calendar

deadlines-title = ⏰ Your deadlines for the next 30 days:
deadlines-none = ⏰ You have no deadlines in the next 30 days.
deadlines-line = { $number }. by { $due } — { $title }{ $school }
deadlines-line-overdue = { $number }. ⚠️ overdue, was due { $due } — { $title }{ $school }
deadlines-more = …and { $count } more.
deadlines-municipality = municipality
deadlines-button-board = 📋 Deadlines by school
deadlines-button-mutes = 🔕 Reminders
deadlines-button-rules = ⚙️ Timing rules
deadlines-button-schedule = 🗓 Schedule
deadlines-button-events = 📅 Events
deadlines-button-reports = 📄 School documents
deadlines-button-undo = 🔔 Turn reminders back on
deadlines-done = Marked as done: { $title }.
deadlines-done-already = This is marked as done already: { $title }.
deadlines-done-not-allowed = Those responsible for this deadline and the municipal coordinator can mark it.
deadlines-gone = This deadline no longer exists: it was cancelled or changed. Open the list again: /deadlines
deadlines-board-not-allowed = Municipal coordinators see the deadlines of every school.
deadlines-board-title = 📋 Deadlines by school (30 days back and ahead):
deadlines-board-empty = 📋 No school deadlines 30 days back or ahead.
deadlines-board-line = { $number }. { $title } — by { $due }: { $done } done, { $pending } pending, { $overdue } overdue
deadlines-board-line-own = { $number }. { $title } — by { $due }: { $done ->
    [0] { $overdue ->
        [0] pending
       *[other] overdue
    }
   *[other] done
}
deadlines-board-hint = Press a number to see the schools and mark what is done.
deadlines-group-title = { $title } — due { $due }:
deadlines-mutes = 🔕 Reminders by kind of deadline ({ $count } off). Press to switch on or off. Overdue notices always come.
deadlines-muted = No more reminders about: { $kind }. The overdue notice will still come.
deadlines-unmuted = Reminders are back on: { $kind }.

rules-title = ⚙️ Timing rules of your municipality:
rules-hint = The defaults come from the roadmaps (calendar.md §6.2). Press a rule's button to change it.
rules-not-allowed = Municipal coordinators change the timing rules of their municipality.
rules-off = off
rules-at = , by { $at }
rules-materials = on the eve of the work, reminder at { $at }
rules-reminders = { $days } working days before the deadline (0 — on the day), at { $at }
rules-plan-graph = ; plan-graph: { $dates }
rules-unit-workingDays = { $value } working { $value ->
    [one] day
   *[other] days
}
rules-unit-calendarDays = { $value } calendar { $value ->
    [one] day
   *[other] days
}
rules-unit-workingHours = { $value } working { $value ->
    [one] hour
   *[other] hours
}
rules-anchor-briefCoordinatorsBefore = { $amount } before the first work{ $at }
rules-anchor-assignObserversBefore = { $amount } before the work{ $at }
rules-anchor-briefObserversBefore = { $amount } before the work{ $at }
rules-anchor-observerActDue = { $amount } after the work{ $at }
rules-anchor-resultsUploadDue = { $amount } after the work{ $at }
rules-anchor-municipalAnalysisDue = { $amount } after the results arrive{ $at }
rules-anchor-recheckDue = { $amount } after the analysis{ $at }
rules-anchor-hotlineFirstResponse = { $amount }
rule-name-briefCoordinatorsBefore = Coordinator briefing
rule-name-materialsCheck = Materials check
rule-name-assignObserversBefore = Observer assignment
rule-name-briefObserversBefore = Observer briefing
rule-name-observerActDue = Observation act
rule-name-resultsUploadDue = Results upload
rule-name-municipalAnalysisDue = Results analysis
rule-name-recheckDue = Re-check
rule-name-hotlineFirstResponse = Hotline answer
rule-name-remindersAt = Reminders
rules-ask = { $rule }: now { $value }.
    { $hint }
rules-example-briefCoordinatorsBefore = Write how many days before, e.g. «2 рабочих» (working) or «3 календарных» (calendar), optionally with a time: «1 рабочий 16:00»; «выкл» — do not plan it.
rules-example-materialsCheck = Write the reminder time on the eve, e.g. «14:00»; «выкл» — no reminder.
rules-example-assignObserversBefore = Write how many days before, e.g. «3 рабочих».
rules-example-briefObserversBefore = Write how many days before, e.g. «1 рабочий».
rules-example-observerActDue = Write the deadline after the work, e.g. «1 рабочий 12:00».
rules-example-resultsUploadDue = Write the deadline after the work, e.g. «5 рабочих» or «7 календарных»; «выкл» — do not plan it.
rules-example-municipalAnalysisDue = Write the deadline after the results arrive, e.g. «10 календарных»; «выкл» — do not plan it.
rules-example-recheckDue = Write the deadline after the analysis, e.g. «10 рабочих».
rules-example-hotlineFirstResponse = Write the number of working hours, e.g. «4».
rules-example-remindersAt = Write how many working days before to remind and when, e.g. «3, 1, 0 в 09:00» (0 — on the day).
rules-send-text = Write the new value as text, or /cancel.
rules-hint-days = I did not understand. Write a number and a unit, e.g. «5 рабочих» or «10 календарных».
rules-hint-hours = I did not understand. Write a number of working hours, e.g. «4».
rules-hint-time = I did not understand. Write a time such as «14:00», or «выкл».
rules-hint-reminders = I did not understand. Write days separated by commas and a time, e.g. «3, 1, 0 в 09:00».
rules-saved = Saved. { $rule }: { $value }. Deadlines follow within a few minutes.
rules-gave-up = The rule is unchanged. Try again from /deadlines → «Timing rules».
rule-not-object = a rule must be an object
rule-unknown = no such rule or field
rule-value = a whole number from 0 to { $max }
rule-unit = this unit does not fit here
rule-time = a time from 00:00 to 23:59
rule-days-list = a list of up to five numbers from 0 to 20
rule-date = plan-graph dates are written as «ВПР|2026»: «2026-05-22»
rule-flag = «вкл» or «выкл» was expected
