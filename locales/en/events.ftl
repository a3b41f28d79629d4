# Events (briefings, seminars, webinars, interviews) and documents from schools by a date.

event-title-briefing = Briefing: { $title }
event-title-seminar = Seminar: { $title }
event-title-webinar = Webinar: { $title }
event-title-interview = Interview: { $title }
event-invitation = 📅 Invitation. { $title } — { $when }{ $place ->
    [none] .
   *[other] , { $place }.
} I will remind you the day before and on the day.
event-cancelled = ✖️ Cancelled: { $title } ({ $when }).
event-title = give a title — up to 200 characters
event-date = the date was not understood
event-time = the time was not understood
event-past = this time has passed already
event-roles = choose whom to invite
event-schools = some schools are not of this municipality
event-nobody = nobody in the bot matches this choice — there is nobody to invite. Invite colleagues with /invite first.

events-title = 📅 Events
events-none = No upcoming events.
events-line = { $number }. { $when } — { $title }{ $place ->
    [none] {""}
   *[other] {" "}({ $place })
}. Invited: { $invited }.
events-line-past = { $number }. (past) { $when } — { $title }. Attendance marked: { $attended } of { $invited }.
events-line-cancelled = { $number }. (cancelled) { $when } — { $title }.
events-button-attendance = 👥 { $number }
events-button-cancel = ✖️ { $number }
events-button-new = ➕ New event
events-not-allowed = Municipal coordinators create events and mark attendance.
events-gone = This event no longer exists.
events-attendance = 👥 { $title }, { $when }. Present: { $present } of { $invited }. Tap a name: ✅ present, ❌ absent, ➖ not marked.
events-cancel-sure = Cancel the event? The invitees will be told.
events-button-cancel-sure = Yes, cancel
events-cancelled = The event is cancelled, the invitees have been told.
events-ask-kind = What is it?
events-kind-briefing = Coordinator briefing
events-kind-seminar = Seminar for teachers
events-kind-webinar = Webinar
events-kind-interview = Interview with a school's administration
events-ask-title = Title or topic (up to 200 characters):
events-bad-title = Please write a title shorter than 200 characters.
events-ask-date = Date (DD.MM.YYYY):
events-bad-date = I did not understand the date. Write e.g. 21.04.2026.
events-ask-time = Start time (HH:MM):
events-bad-time = I did not understand the time. Write e.g. 15:00.
events-ask-place = Where (address, room or link)?
events-button-no-place = Skip
events-ask-audience = Whom to invite?
events-audience-coordinators = School coordinators
events-audience-teachers = Teachers
events-audience-school-staff = Coordinators and teachers
events-audience-observers = Public observers
events-ask-scope = From which schools?
events-scope-all = Every school of the municipality
events-scope-some = Choose schools
events-ask-schools = Send the schools' logins separated by spaces or commas, e.g.: edu223017 edu223018
events-bad-schools = Not every login is one of your schools. Send them again, e.g.: edu223017 edu223018
events-created = Event created, invitations sent: { $invited }. Reminders come the day before and on the day.

report-request =
    📄 The coordinator asks for a document: { $title }.
    Due { $due }.{ $details ->
        [none] {""}
       *[other] {"\u000A"}{ $details }
    }
    Press «Upload» and send the file.
report-button-upload = 📎 Upload
report-title-bad = give the document's title — up to 200 characters
report-date-bad = the due date was not understood
report-date-past = the due date has passed — give a date in the future
report-schools-bad = some schools are not of this municipality
report-no-schools = the municipality has no schools — nobody to ask
report-file-empty = the file is empty — send it again
report-file-too-large = The file is over 20 MB — Telegram does not let bots receive such files. Compress or split it.

reports-title = 📄 Documents from schools
reports-none = No document requests.
reports-line = { $number }. { $title } — by { $due }: { $received } of { $schools } received{ $overdue ->
    [0] {""}
   *[other] , { $overdue } overdue
}
reports-line-own = { $number }. { $title } — by { $due }: { $status ->
    [received] ✅ your file is in
    [overdue] ⚠️ overdue, your file is awaited
   *[missing] ⏳ your file is awaited
}
reports-button-upload = 📎 { $number }
reports-button-replace = 🔁 { $number }
reports-button-status = 📊 { $number }
reports-button-new = ➕ Ask for a document
reports-not-allowed = Municipal coordinators ask for documents, school coordinators send them.
reports-not-asked = This request is not addressed to your school.
reports-gone = This request no longer exists: it was withdrawn.
reports-status-title = 📊 { $title } — due { $due }. { $received } of { $schools } received:
reports-status-received = { $mark } { $school } — «{ $file }»
reports-status-waiting = { $mark } { $school }
reports-status-nobody = { $mark } { $school } — the school has no coordinator in the bot, the request did not reach it
reports-button-download = ⬇️ Download all ({ $count })
reports-button-withdraw = ✖️ Withdraw the request
reports-withdraw-sure = Withdraw the request? Reminders to the schools stop; the files received stay.
reports-button-withdraw-sure = Yes, withdraw
reports-withdrawn = The request is withdrawn, no more reminders.
reports-nothing-received = No school has sent a file yet.
reports-archive-caption = Every file received ({ $files }), each named by the school's login and name.
reports-ask-school = For which school is the document?
reports-send-file =
    📄 { $title } — due { $due }.{ $details ->
        [none] {""}
       *[other] {"\u000A"}{ $details }
    }
    Send the document's file (any format, up to 20 MB).{ $replace ->
        [yes] {" "}The new file replaces the one sent before.
       *[no] {""}
    } /cancel to stop.
reports-send-as-file = Send the document as a file (paperclip → «File»), or /cancel.
reports-received = Received: «{ $file }» ({ $school }).{ $replaced ->
    [yes] {" "}The earlier file is replaced.
   *[no] {""}
}{ $late ->
    [yes] {" "}The deadline has passed, but the file is taken — the coordinator will see it.
   *[no] {" "}Thank you!
}
reports-ask-title = Which document is needed? Write its title, e.g. «Self-evaluation after the ВПР».
reports-ask-details = What exactly should it contain? You may skip this.
reports-button-no-details = Skip
reports-ask-due = By which date (DD.MM.YYYY)?
reports-ask-scope = Which schools to ask?
reports-requested = Request sent: { $schools } schools.{ $nobody ->
    [0] {""}
   *[other] {" "}{ $nobody } of them have no coordinator in the bot — the request did not reach them; invite coordinators with /invite.
} I will remind the schools before the deadline and tell you about delays.
