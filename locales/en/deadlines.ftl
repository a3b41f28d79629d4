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

report-title = { $title }

sheet-problem-cell = Sheet «{ $sheet }», cell { $cell }: { $text }
sheet-problem-sheet = Sheet «{ $sheet }»: { $text }
sheet-problem-path = { $path }: { $text }
