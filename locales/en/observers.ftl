# Public observers: sign-up, training and quiz, the coordinator's decision, sessions, assignment, confirmation, act.

## Common lines about a session

observers-session-lines =
    School: { $school }
    Address: { $address }
    Procedure: { $procedure }
    Date and time: { $when }
observers-address-unknown = please ask the coordinator
observers-none = none

## Application, the coordinator's decision

observers-application =
    A new application to become a public observer.
    { $name }, phone { $phone }
    Works at: { $work }
    Children study at: { $children }
    Quiz passed: { $score } of { $total }.
observers-approve-button = ✅ Approve
observers-reject-button = ✖️ Reject
observers-approved = The coordinator approved your application: you are now a public observer. When you are assigned to a procedure I will send the school, date and time — you will need to confirm the assignment.
observers-rejected =
    The coordinator rejected your application to become a public observer.
    Reason: { $reason }
    If you have questions, please contact the municipal education office.

## Assignment

observers-offer-head = You have been assigned as a public observer.
observers-offer-bring = What to bring: { $bring }
observers-bring-default = your passport; if the coordinator gave you an act form, a printed form.
observers-offer-declaration = Please answer by { $until }. By pressing “I confirm” you declare: “I confirm that I have no personal interest in the results of the ВПР at this school and in this class.”
observers-offer-confirm = ✅ I confirm
observers-offer-decline = I can't
observers-offer-conflict = ⚠️ Conflict of interest
observers-offer-expired = You did not answer the assignment in time, so the coordinator will find another observer.

observers-replacement-head = { $name } { $reason }
observers-end-declined = declined the assignment.
observers-end-conflict = reported a conflict of interest and was taken off the assignment.
observers-end-no_answer = did not answer the assignment in time.
observers-end-withdrawn = no longer takes part in the observer programme.
observers-end-detected_conflict = named in their profile a school where they have a conflict of interest; the assignment was cancelled.
observers-end-removed = was taken off by a coordinator.
observers-replacement-offer = Suggested replacement: { $candidate }.
observers-replacement-none = No suitable replacement: every observer free that day is either busy or tied to the school.
observers-replacement-accept = Assign: { $candidate }
observers-replacement-other = Another candidate
observers-replacement-none-button = Leave without an observer

## Reminders

observers-reminder-evening = A reminder: tomorrow you are a public observer.
observers-reminder-morning = Today you are a public observer. Come early and do not intervene in the work; report violations through the bot.
observers-act-request = Please fill in the observation act by { $due }.
observers-act-button = 📝 Fill in the act

## Observation act

observers-stage-preparation = preparation of the materials (downloading, printing)
observers-stage-handover = handing the materials to the organiser
observers-stage-conduct = the ВПР in the classroom
observers-stage-checking = checking of the works
observers-stage-forms = filling in and uploading the forms

observers-violation-infosec = Information security was not kept while preparing and/or handing over the ВПР materials
observers-violation-late_entry = Participants entered the classroom after the bell for the lesson of the work
observers-violation-no_briefing = The participants were not briefed (or not fully)
observers-violation-devices = Participants had phones or other means of communication, cribs, reference materials
observers-violation-reference = Reference materials on the subject were open in the classroom (posters, tables)
observers-violation-prompting = Participants were prompted or helped (a teacher, the organiser, others)
observers-violation-duration = The duration of the work was broken (start, end, extra time)
observers-violation-tasks_leaked = ВПР tasks were photographed or taken out of the classroom
observers-violation-not_collected = The works were not collected and handed to the organiser right after the end
observers-violation-criteria = The works were not checked by the published criteria
observers-violation-corrections = Corrections were made in participants' works
observers-violation-forms_differ = The results in the form differ from the checked works
observers-violation-other = Other

observers-violation-alert =
    ⚠️ An observer reported violations.
    Observer: { $name }, phone { $phone }
observers-act-comment-line = Observer's comment: { $comment }

## Acts export

observers-xlsx-sheet = Observation acts
observers-xlsx-title = Public observation acts
observers-xlsx-subtitle = Acts: { $count }. Times are the municipality's local time.
observers-xlsx-col-id = Act no.
observers-xlsx-col-municipality = Municipality
observers-xlsx-col-school = School
observers-xlsx-col-login = Login
observers-xlsx-col-procedure = Procedure
observers-xlsx-col-date = Date
observers-xlsx-col-observer = Observer
observers-xlsx-col-stages = Stages observed
observers-xlsx-col-start = Start
observers-xlsx-col-end = End
observers-xlsx-col-violations = Violations
observers-xlsx-col-list = Violations found and comments
observers-xlsx-col-comment = Comment
observers-xlsx-col-photos = Photos
observers-xlsx-col-due = Due
observers-xlsx-col-filed = Filed
observers-xlsx-col-on-time = On time
observers-xlsx-none = none found
observers-xlsx-late = late
observers-xlsx-on-time = yes
observers-xlsx-withdrawn = (data erased at the observer's request)
observers-xlsx-note = Photos are kept in Telegram; the table shows how many. An act is due by 12:00 of the next working day after the procedure.
