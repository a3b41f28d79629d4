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

deadline-left = { $left ->
    [0] due today
    [one] { $left } working day left
   *[other] { $left } working days left
}
deadline-reminder =
    ⏰ Reminder: { $title }{ $school }.
    Due { $due }, { $left ->
        [0] that is today.
        [one] { $left } working day left.
       *[other] { $left } working days left.
    }
deadline-reminder-results_upload =
    ⏰ Results not uploaded yet: { $title }{ $school }.
    Send the FIS OKO file here, to the bot, by { $due } ({ $left ->
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
deadline-escalation =
    ⚠️ Overdue: { $title }{ $school }. It was due { $due }.
    The people responsible have been reminded.
deadline-escalation-nobody =
    ⚠️ Overdue: { $title }{ $school }. It was due { $due }.
    Nobody to remind: the school has no coordinator in the bot. Invite one with /invite.
deadline-button-done = ✅ Done
deadline-button-mute = 🔕 Stop reminders like this

report-title = { $title }
