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

observers-replacement-head = { $name }: { $reason }
observers-end-declined = declined the assignment.
observers-end-conflict = a conflict of interest was declared, the assignment is cancelled.
observers-end-no_answer = no answer to the assignment in time.
observers-end-withdrawn = left the observer programme, the assignment is cancelled.
observers-end-detected_conflict = the profile now names this school (workplace or children's school) — a conflict of interest, the assignment is cancelled.
observers-end-removed = the assignment was cancelled by a coordinator.
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

## The Observers section

help-observers = /observers — public observers: sign-up, training, assignments, acts
observers-intro =
    Public observers attend the ВПР and other assessment procedures and record whether the rules are kept. Any adult can become one: a parent, a member of the public, staff of another school.
    The steps: a profile → short training and a quiz → the municipal coordinator's decision → assignments to procedures at schools where you have no conflict of interest.
observers-intro-invited = You have been invited to become a public observer. Fill in the profile, take the short training and the quiz — then the coordinator confirms your application.
observers-status-registered = Your profile is filled in. Next: short training and a quiz of 14 questions.
observers-status-awaiting_approval = Quiz passed ({ $score } of 14). Your application waits for the municipal coordinator's decision — I will tell you when it is made.
observers-status-approved = You are a public observer. Here are your assignments and acts.
observers-status-rejected = The coordinator rejected the application. Reason: { $reason }
observers-status-withdrawn = You withdrew your consent.
observers-profile =
    Your profile
    Full name: { $name }
    Phone: { $phone }
    Municipality: { $municipality }
    Works at: { $work }
    Children study at: { $children }
    Can observe: { $availability }
observers-button-signup = 📝 Fill in the profile
observers-button-edit = ✏️ Change the profile
observers-button-lessons = 📖 Training
observers-button-quiz = ✅ Take the quiz
observers-button-quiz-start = ✅ Start the quiz
observers-button-withdraw = Withdraw consent and erase my data
observers-button-mine = 📅 My assignments
observers-button-acts = 📝 Fill in an act
observers-button-apps = 📋 Applications ({ $count })
observers-button-sessions = 📅 Sessions
observers-button-session = ➕ Add a session
observers-button-propose = 🧩 Find observers
observers-button-export = 📊 Acts (XLSX)
observers-use-buttons = Please answer with a button under the message.
observers-done = Done
observers-keep = Keep: { $value }
observers-more = …and { $count } more
observers-gone = This no longer exists: it was deleted or changed.
observers-not-yours = This assignment is not yours, you cannot answer it.
observers-any-day = any day
observers-weekday-mon = Mon
observers-weekday-tue = Tue
observers-weekday-wed = Wed
observers-weekday-thu = Thu
observers-weekday-fri = Fri
observers-weekday-sat = Sat
observers-weekday-sun = Sun

## Profile

observers-signup-intro = Let us fill in the observer profile: full name, phone, where you work and where your children study (so you are never sent where you have a conflict of interest), and when you can observe. At the end I show the consent to data processing; nothing is stored without it. /cancel stops at any time.
observers-signup-edit-intro = Let us change the profile. At every step you can keep the previous answer with the “Keep” button. /cancel stops.
observers-signup-no-municipalities = Sign-up is not open yet: the bot has no municipality. Please contact the education office.
observers-signup-name = Please write your surname, first name and patronymic (e.g. Ivanova Maria Petrovna).
observers-signup-name-invalid = I could not read the name: it should be two to four words of letters, e.g. “Ivanova Maria Petrovna”. Please write it again.
observers-signup-phone = Share your phone number with the “Send my number” button below — so the number comes from Telegram without typos.
observers-signup-phone-button = 📱 Send my number
observers-signup-phone-keep = Keep the previous number
observers-signup-phone-use-button = I take the number only from the “Send my number” button at the bottom: that way I know it is yours.
observers-signup-phone-not-own = This is someone else's contact; I need your own number. Please press “Send my number”.
observers-signup-phone-saved = Thank you, the number is saved.
observers-signup-municipality = In which municipality are you ready to observe?
observers-signup-work = Do you work at a school? If so, write its name or login (e.g. “gymnasium 2” or edu223017): I will look among the schools of { $municipality }.
observers-signup-work-none = I do not work at a school
observers-signup-children = At which schools do your children (or grandchildren, siblings, wards) study? Write a school's name or login — one at a time.
observers-signup-children-none = At no school of this district
observers-signup-school-not-found = I did not find the school “{ $query }” ({ $municipality }). Try a part of the name, the number or a login like edu223017.
observers-signup-school-choose = Choose the school:
observers-signup-school-added = Saved: { $schools }. If there is another school, write its name; if not, press “Done”.
observers-signup-availability = When can you observe? Write weekdays and/or dates separated by commas, e.g. “Mon, Wed, 21.04, 23.04–25.04”. Or press “any day”.
observers-signup-availability-unknown = I did not understand: { $words }. Write weekdays (Mon, Tue, Wed…) and dates like 21.04, separated by commas.
observers-signup-availability-saved = Saved when you can observe: { $days }.
observers-consent-text =
    Consent to the processing of personal data
    I consent to the municipal education authority processing the personal data I give in this profile: surname, first name, patronymic, phone number, municipality, the school where I work, the schools where my children study, the days I can observe.
    Purpose: organising public observation of assessment procedures — training, assignment to procedures without a conflict of interest, contacting me, receiving observation acts.
    The consent is valid until I withdraw it. I can withdraw it at any time in the Observers section: my personal data will be erased, and the acts I filed will stay without my name.
    (This is a model text; the education authority may replace it with its own.)
observers-consent-yes = I agree
observers-consent-no = I do not agree
observers-consent-refused = Without consent to data processing the profile cannot be saved, so I saved nothing. If you change your mind, start again in the Observers section.
observers-consent-refused-edit = The changes are not saved: they cannot be accepted without consent. The previous profile stays as it was. To withdraw consent completely, press “Withdraw consent” in the Observers section.
observers-signup-problems = The profile was not saved:
observers-problem-name = The full name must be two to four words of letters.
observers-problem-phone = The phone number does not look like one.
observers-problem-not_own_contact = The number must be your own — from the “Send my number” button.
observers-problem-municipality = There is no such municipality.
observers-problem-municipality_fixed = By invitation you observe in your own municipality; a coordinator can change it.
observers-problem-school_outside = The school must belong to the chosen municipality.
observers-problem-availability = Give at least one day when you can observe.
observers-problem-no_consent = Consent to data processing is needed.
observers-signup-saved = The profile is saved.
observers-signup-changed = The changes are saved.
observers-signup-cancelled = Assignments cancelled because of a conflict of interest or a new municipality: { $count }. The coordinator will find a replacement.
observers-signup-next = Next: short training (5 lessons) and the quiz.

## Training and quiz

observers-lesson-progress = Lesson { $current } of { $total }
observers-lesson-next = Next ▶️
observers-lesson-1 =
    Why public observers
    The all-Russian tests (ВПР) show how pupils have learnt the curriculum. The results can be trusted only if the work was fair: no prompting, no copying, no corrected scores.
    A public observer attends the procedure and records whether the rules are kept. In the schools of the federal sample “ВПР with control of the objectivity of results” the works are written in the presence of independent observers and checked by the federal organiser.
    ВПР results must not be used to evaluate teachers or to rank schools.
observers-lesson-2 =
    When the ВПР are held
    A school chooses its ВПР dates within the period set by Rosobrnadzor: a region or municipality does not set one common day for all schools. In spring 2026 the ВПР are held from 20 April to 20 May.
    The ВПР are written during lessons — not after lessons and not in the holidays.
    You will receive the school, date and time in the bot with the assignment.
observers-lesson-3 =
    Stages that can be observed
    1) preparation of the materials (downloading, printing);
    2) handing the materials to the organiser;
    3) the ВПР in the classroom;
    4) checking of the works;
    5) filling in and uploading the forms.
    In the act you mark the stages you attended.
observers-lesson-4 =
    How an observer behaves
    An observer does not intervene in the work: does not talk to participants, does not help them or explain tasks, does not make remarks aloud in front of the class.
    If you see a violation — prompting, phones, entering after the bell — note the time and what happened, report it to the coordinator through the bot at once, and put it in the act.
    ВПР tasks must not be photographed or forwarded, even as evidence: describe the violation in words. Only the signed paper act may be photographed.
observers-lesson-5 =
    Conflict of interest and the act
    You may not observe at a school where you work or where your children or other close relatives study. The bot will not send you there; if you learn of a conflict after the assignment, press “Conflict of interest” — the coordinator will find a replacement.
    By confirming an assignment you declare that you have no personal interest in the results.
    After the procedure fill in the observation act in the bot by 12:00 of the next working day: stages, start and end time, “No violations found” or the list of violations with comments.
observers-quiz-intro = The quiz: 14 questions, four options each. Answer with the button of the option's letter; an answer cannot be changed. Questions and options are shuffled; I show the result at the end.
observers-quiz-progress = Question { $current } of { $total }
observers-quiz-letter-a = a
observers-quiz-letter-b = b
observers-quiz-letter-c = c
observers-quiz-letter-d = d
observers-quiz-your-answer = Your answer: { $letter }
observers-quiz-stale = This button belongs to a question you have already answered or to a finished quiz, so the answer was not taken. Please answer the latest question.
observers-quiz-passed = Quiz passed: { $score } of { $total }. Your application has gone to the municipal coordinator — I will tell you the decision.
observers-quiz-failed = Right answers: { $score } of { $total }, and at least { $pass } are needed. Read the lessons again; you can retake the quiz after { $until }.
observers-quiz-refused-not_registered = Please fill in the observer profile first.
observers-quiz-refused-already_passed = You have already passed the quiz.
observers-quiz-refused-wait = You can retake the quiz after { $until }.

observers-quiz-q1 = Who checks the works in schools of the sample “ВПР with control of the objectivity of results”?
observers-quiz-q1-a = the school's teachers
observers-quiz-q1-b = a municipal commission
observers-quiz-q1-c = the federal organiser
observers-quiz-q1-d = a public observer
observers-quiz-q2 = What is required for the ВПР at a school in such a sample?
observers-quiz-q2-a = the presence of independent observers
observers-quiz-q2-b = a video recording of the lesson
observers-quiz-q2-c = the head teacher in the classroom
observers-quiz-q2-d = holding the work after lessons
observers-quiz-q3 = May a region or municipality set one common ВПР day for all schools?
observers-quiz-q3-a = yes, it must
observers-quiz-q3-b = no: each school chooses its dates within the set period
observers-quiz-q3-c = yes, if the head teacher decides so
observers-quiz-q3-d = only for grade 4
observers-quiz-q4 = When are the ВПР held in spring 2026?
observers-quiz-q4-a = 1 March — 20 May
observers-quiz-q4-b = 11 April — 16 May
observers-quiz-q4-c = 20 April — 20 May
observers-quiz-q4-d = 19 September — 24 October
observers-quiz-q5 = May the ВПР be held after lessons or in the holidays?
observers-quiz-q5-a = yes, if the parents agree
observers-quiz-q5-b = no
observers-quiz-q5-c = only after lessons
observers-quiz-q5-d = only in the holidays
observers-quiz-q6 = May ВПР results be used to evaluate a teacher or to rank schools?
observers-quiz-q6-a = yes
observers-quiz-q6-b = no
observers-quiz-q6-c = only to rank schools
observers-quiz-q6-d = only with the teacher's consent
observers-quiz-q7 = You see a printout of ВПР tasks on a pupil's desk. May you photograph it and send it to the bot as evidence?
observers-quiz-q7-a = yes, you must
observers-quiz-q7-b = no: ВПР tasks must not be photographed or spread — describe the violation in the act in words
observers-quiz-q7-c = yes, but only in a private message to the coordinator
observers-quiz-q7-d = yes, if the pupil's face is covered
observers-quiz-q8 = The pupils entered the classroom after the bell for the ВПР lesson. What do you do?
observers-quiz-q8-a = nothing, it is not a violation
observers-quiz-q8-b = I mark in the act the violation “Participants entered the classroom after the bell for the lesson of the work”
observers-quiz-q8-c = I stop the work
observers-quiz-q8-d = I brief the pupils myself
observers-quiz-q9 = You notice the organiser in the classroom prompting a pupil. What is the right thing to do?
observers-quiz-q9-a = make a remark to the organiser aloud in front of the class
observers-quiz-q9-b = not intervene, note the time and what happened, report to the coordinator through the bot at once, then put it in the act
observers-quiz-q9-c = take the work away from the pupil
observers-quiz-q9-d = do nothing until the end of the lesson
observers-quiz-q10 = A pupil asks you to explain a task. What do you do?
observers-quiz-q10-a = I explain it
observers-quiz-q10-b = I answer that an observer may not help participants and do not discuss the task
observers-quiz-q10-c = I call the subject teacher
observers-quiz-q10-d = I show a similar example
observers-quiz-q11 = Which stage is NOT among the stages at which the ВПР are observed?
observers-quiz-q11-a = preparation of the materials (downloading, printing)
observers-quiz-q11-b = checking of the works
observers-quiz-q11-c = filling in and uploading the forms
observers-quiz-q11-d = making the lesson timetable for the term
observers-quiz-q12 = You are assigned as an observer to the ВПР in class 5 “B”, where your son studies. What do you do?
observers-quiz-q12-a = observe, but keep away from your son
observers-quiz-q12-b = report the conflict of interest to the coordinator and decline this assignment
observers-quiz-q12-c = swap places with your son
observers-quiz-q12-d = tell nobody
observers-quiz-q13 = You teach mathematics at school No. 5. May you be assigned as an independent observer to the mathematics ВПР at school No. 5?
observers-quiz-q13-a = yes
observers-quiz-q13-b = no: an independent observer must not work at the observed school
observers-quiz-q13-c = yes, if you do not teach that class
observers-quiz-q13-d = yes, with the head teacher's permission
observers-quiz-q14 = The observation went without violations. What must you do?
observers-quiz-q14-a = nothing
observers-quiz-q14-b = fill in the act, mark “No violations found” and send it through the bot by the deadline
observers-quiz-q14-c = phone the head teacher
observers-quiz-q14-d = send photos of the pupils' works

## Withdrawal

observers-withdraw-ask = Withdraw your consent to data processing? I will erase your name, phone, schools and free days, cancel the assignments still ahead (the coordinator will find replacements) and remove the observer role. The acts you filed stay, without your name.
observers-withdraw-yes = Yes, withdraw and erase
observers-withdraw-no = No, keep it
observers-withdraw-kept = All right, nothing changes.
observers-withdraw-done = Consent withdrawn, your personal data erased. Assignments cancelled: { $cancelled }. Thank you for taking part!
observers-withdraw-nothing = You have no observer profile — there is nothing to erase.

## Assignments as the observer sees them

observers-mine-none = No assignments ahead. When a coordinator assigns you, I will send a message.
observers-mine-offered = An assignment waits for your answer:
observers-mine-confirmed = You confirmed the assignment:
observers-answer-confirmed = Thank you, the assignment is confirmed and your statement of no conflict of interest recorded. I will remind you the evening before and in the morning of the procedure.
observers-answer-declined = Understood, you cannot come. The coordinator will find another observer.
observers-answer-cancelled = Thank you for reporting the conflict of interest: the assignment is cancelled, the coordinator will find a replacement.
observers-answer-refused-already_answered = You have already confirmed this assignment.
observers-answer-refused-closed = This assignment is no longer valid: you answered it, the time to answer ran out, or the coordinator removed it.
observers-answer-refused-session_started = The procedure has already begun; the assignment can no longer be answered. If something happened, please phone the coordinator.
observers-answer-refused-conflict_detected = Your profile shows a conflict of interest at this school, so the assignment is cancelled. The coordinator will find a replacement.
observers-acts-none = There is no procedure to file an act for now. An act can be filled in on the day of the procedure or later.
observers-acts-choose = Which procedure is the act for?

## Observation act (dialog)

observers-act-intro = Let us fill in the observation act. /cancel stops — nothing is saved.
observers-act-not-yours = You cannot file an act for this procedure: you were not assigned to it or did not confirm the assignment.
observers-act-refused-too_early = An act can be filled in on the day of the procedure or later.
observers-act-refused-already_filed = An act for this procedure has already been filed.
observers-act-refused-no_stages = Mark at least one stage.
observers-act-refused-end_before_start = The end of the observation must be after its start.
observers-act-refused-time_out_of_day = Times must lie within the day.
observers-act-refused-violation_not_for_stage = A violation does not belong to the stages marked.
observers-act-refused-comment_required = “Other” needs a description.
observers-act-refused-too_many_photos = Too many photos: five at most.
observers-act-refused-text_too_long = The text is too long.
observers-act-stages = Which stages did you observe? Tap the numbers (several are fine), then “Done”.
observers-act-stages-none = Mark at least one stage and press “Done”.
observers-act-start = When did you start observing? Write the time, e.g. 9:00.
observers-act-end = When did you finish? E.g. 9:45.
observers-act-time-invalid = I did not understand the time. Write hours and minutes, e.g. 9:05.
observers-act-end-before-start = The end must be after the start ({ $start }). Write the end time.
observers-act-any-violations = Were there violations?
observers-act-no-violations = No violations found
observers-act-violations-found = Violations found
observers-act-checklist = Which violations did you see? Tap the numbers (several are fine), then “Done”.
observers-act-checklist-none = Mark at least one violation and press “Done”.
observers-act-violation-comment = “{ $violation }” — describe briefly what you saw (time, who, what happened), or press “No comment”.
observers-act-violation-describe = “{ $violation }” — describe what happened: time, who, what exactly.
observers-act-comment = A general comment on the act — or press “No comment”.
observers-act-comment-skip = No comment
observers-act-text-too-long = Too long: { $max } characters at most. Please shorten it.
observers-act-photos = If you have a photo of the signed paper act, send it (up to { $max } photos). ВПР tasks must not be photographed! Without photos press “No photos”.
observers-act-photos-none = No photos
observers-act-photos-wait = Send a photo of the signed act form or press “Done”.
observers-act-photos-as-photo = Please send the picture as a photo, not as a file.
observers-act-photos-enough = No more than { $max } photos can be attached. Press “Done”.
observers-act-photo-added = Photo added ({ $count }). Send another or press “Done”.
observers-act-summary = Please check the act:
observers-act-summary-stages = Stages: { $stages }
observers-act-summary-time = Observed: { $start }–{ $end }
observers-act-summary-photos = Photos: { $count }
observers-act-send = ✅ Send the act
observers-act-cancel = Cancel
observers-act-cancelled = The act was not sent; nothing is saved.
observers-act-problems = The act was not accepted:
observers-act-filed = Act No. { $id } accepted. Thank you!
observers-act-filed-late = The deadline (12:00 of the next working day) has passed — the act is marked as late.
observers-act-alerted = The coordinator was told about the violations at once.
observers-act-no-coordinator = The municipality has no coordinator in the bot yet — please report the violations to the education office.

## Coordinator

observers-coordinator-panel =
    Public observers
    Applications waiting for a decision: { $pending }
    Sessions ahead: { $sessions }, of them without all their observers: { $short }
observers-apps-none = No new applications.
observers-approved-done = Application approved: { $name } is a public observer.
observers-application-gone = This application has already been decided or withdrawn.
observers-reject-ask = Write the reason for the rejection in one message — the applicant will read it.
observers-reject-reason-invalid = The reason must be 3 to 500 characters. Press “Reject” again.
observers-rejected-done = Application rejected: { $name }. The reason was sent to the applicant.
observers-sessions-none = No sessions ahead. Add them with “Add a session”.
observers-sessions-title = Sessions ahead: { $count }
observers-sessions-line = { $session } — confirmed { $confirmed }, waiting { $offered }, rooms { $rooms }{ $priority }
observers-priority-risk = ⚑ risk zone
observers-priority-request = ⚑ observer requested
observers-propose-ask = Sessions that need observers: { $count }. For which date shall I find them?
observers-propose-all = All upcoming
observers-propose-nothing = Every session ahead already has its observers.
observers-proposal-title = Proposed assignments ({ $count }):
observers-proposal-empty = Nobody could be found.
observers-proposal-line = { $number }. { $session } → { $observer }{ $cross }{ $priority }
observers-proposal-cross = (from another school)
observers-proposal-short-title = Observers missing:
observers-proposal-short = { $session }: { $missing } missing — { $reason }
observers-short-nobody_free = nobody is free that day
observers-short-conflicts = everyone free has a conflict of interest with this school
observers-short-limit = everyone free is already busy that day
observers-proposal-hint = To replace an observer, tap the line's number. “Approve and send” sends the assignments to the observers.
observers-proposal-accept = ✅ Approve and send
observers-proposal-sent = Assignments sent: { $offered }. Dropped because something changed since the proposal: { $dropped }. If someone declines or does not answer in time, I will propose a replacement.
observers-proposal-gone = This proposal no longer exists: it was approved, changed or made again.
observers-replacement-sent = The assignment was sent to the observer.
observers-replacement-dropped = The assignment was not sent: the observer's circumstances changed since the proposal. Press “Find observers”.
observers-edit-head = Now assigned: { $observer }
observers-edit-choose = Whom to assign instead? Shown are those who are free and not tied to the school.
observers-edit-nobody = No other free observer without a conflict of interest.
observers-edit-done = Replaced.
observers-edit-dropped = The place is left without an observer.
observers-edit-not-eligible = This observer cannot be assigned: a conflict of interest, busy, or not free that day.
observers-export-none = No acts yet.
observers-export-file = Observation acts.xlsx
observers-export-caption = Observation acts: { $count }.

## New session

observers-session-school = Which school is the session at? Write the name or login (edu223017).
observers-session-school-not-found = I did not find the school “{ $query }” among your municipality's schools. Try a part of the name or the login.
observers-session-procedure = Which procedure? Write it like this: ВПР/2026/Математика/4
observers-session-procedure-invalid = I did not understand the procedure. It should be kind/year/subject/grade, e.g. ВПР/2026/Русский язык/5.
observers-session-date = The date of the procedure (e.g. 22.04.2026)?
observers-session-date-invalid = I did not understand the date. Write e.g. 22.04.2026.
observers-session-date-past = This date has passed. Write a date of the procedure still ahead.
observers-session-start = When does the work start (e.g. 9:00)?
observers-session-start-unknown = Not known yet
observers-session-start-assumed = No start time given: for reminders I take { $time }.
observers-session-rooms = In how many classrooms is the work written? Each needs its own observer.
observers-session-rooms-invalid = Tap the number of rooms or write it in digits (1 to 100).
observers-session-rooms-line = Rooms: { $rooms }
observers-session-address = The address of { $school } is not known yet. Please write it — observers will see it in the assignment.
observers-session-address-invalid = The address must be 5 to 300 characters.
observers-session-saved = The session is saved.
observers-session-updated = This session existed already — its time and rooms were updated.
observers-session-problems = The session was not saved:
observers-session-problem-date = the date is wrong;
observers-session-problem-past = the date has passed;
observers-session-problem-start = the start time is wrong;
observers-session-problem-rooms = rooms must be 1 to 100;
observers-session-problem-address = the address must be 5 to 300 characters.
