# Risks: coordinators' alerts, cases, re-checks, follow-up measures. Schools get neutral recommendations only.

## Levels and statuses

risk-level-risk = risk zone
risk-level-attention = on the re-check list
risk-level-none = no action needed
risk-status-new = new
risk-status-review = under review
risk-status-recheck = re-check
risk-status-confirmed = confirmed
risk-status-not_confirmed = not confirmed
risk-status-closed = closed
risk-measure-visit = school visit
risk-measure-observers = observers at the next procedure
risk-measure-video = video surveillance
risk-measure-help_programme = help programme for teachers
risk-measure-interview = interview with the administration
risk-measure-status-planned = planned
risk-measure-status-done = done
risk-measure-status-cancelled = cancelled
risk-measure-line = { $kind } — { $owner }, by { $due } ({ $status })

## Coordinators' alerts

risk-alert-head-risk = ⚠️ Risk zone: { $school }
risk-alert-head-attention = 🔎 On the re-check list (place { $rank }): { $school }
risk-alert-two-years = In the risk zone for the second year running.
risk-alert-signs = What the analysis found:
risk-alert-caution = A sign is a reason to look at the works closely, not a finding of misconduct.
risk-good-news = ✅ Good news: { $school } is no longer in the risk zone ({ $title }). Now: { $level }.
risk-button-details = Details
risk-button-recheck = Re-check
risk-button-observers = Observers next time
risk-button-seen = Seen
risk-button-recheck-school = Re-check: { $school }
risk-button-cases = Open cases
risk-group-head = New analysis: { $title }
    { $scope }
risk-group-levels = Risk zone — { $risk }, on the re-check list — { $attention }, out of the risk zone — { $better }.
risk-group-top = Look at these first:
risk-two-years-short = second year running
risk-group-file = The full overview with the cases is in the file below. Work on the cases with /risk.
risk-group-file-caption = Overview with cases: { $title }
risk-scope-all = All schools that uploaded the test

## To a school: neutral recommendations

risk-school-head = Recommendations on objectivity: { $title }
    School { $school }
risk-school-body = The analysis of your school's results drew attention to the following:
risk-school-check = Worth checking: how the test was run and who was in the classroom; whether open answers were marked strictly by the criteria; whether pupils of the same variant gave identical answers; whether the test marks agree with the register.
risk-school-caution = ВПР results are not used to assess teachers or schools. These are recommendations for your own review, not conclusions.
risk-school-list = Recommendations on objectivity — choose a test:
risk-school-nothing = There are no recommendations on objectivity for your school's results.

## The /risk command

help-risk = /risk — cases with signs of biased assessment: re-checks, measures, alerts
risk-menu = ⚠️ Risks
risk-list-head = Open cases: { $count }. The oldest first.
risk-list-empty = There are no open cases. A case opens when the analysis puts a school into the risk zone, or when you send a school from the re-check list to a re-check.
risk-list-line = { $n }. { $school } · { $title } — { $status }, { $age ->
    [one] { $age } day
   *[other] { $age } days
  }{ $owner }{ $due }{ $twice }
risk-list-owner = ; owner: { $name }
risk-list-due = ; due { $date }
risk-list-two-years = ; ⚑ second year running
risk-list-more = …and { $count } more. Every case is in the XLSX report (/analysis).
risk-not-allowed = Cases with signs of biased assessment are for municipal coordinators.
risk-outside = This school belongs to another municipality: its cases are not open to you.
risk-not-found = This case was not found — the message may be out of date.
risk-prefs-button = 🔔 Alerts
risk-prefs = Risk alerts arrive { $mode ->
    [immediate] at once, at any time.
   *[working] during your municipality's working hours (weekdays 9:00–18:00).
  }
risk-prefs-subscribed = As an administrator you { $on ->
    [yes] receive
   *[no] do not receive
  } risk alerts for every municipality.
risk-prefs-immediate = Send at once
risk-prefs-working = Working hours only
risk-prefs-subscribe = Receive alerts
risk-prefs-unsubscribe = Stop alerts

## A case

risk-case-head = Case #{ $id }: { $school }
    { $title }
risk-case-status = Status: { $status }. Latest analysis: { $level }.
risk-case-two-years = ⚑ In the risk zone for the second year running.
risk-case-opened = Opened { $date } ({ $age ->
    [one] { $age } day
   *[other] { $age } days
  } ago){ $origin }.
risk-case-origin-manual = , added by hand
risk-case-owner = Owner: { $name }.
risk-case-no-owner = No owner yet.
risk-case-due = Due: { $date }.
risk-case-resolution = Why not confirmed: { $text }
risk-case-recheck = Re-check (plan #{ $plan }): { $works ->
    [one] { $works } work
   *[other] { $works } works
  }.
risk-case-recheck-waiting = Waiting for the commission's scores.
risk-case-recheck-figures = The mark changed for { $changed } of the works, mean change of the primary score { $mean }, non-confirmation index { $index }.
risk-case-measures = Measures:
risk-case-history = History:
risk-case-event-opened = opened by the analysis
risk-case-event-opened-manual = added by hand
risk-case-event-status = status: { $from } → { $to }
risk-case-event-owner = owner assigned
risk-case-event-note = note: { $text }
risk-case-event-due = due: { $date }
risk-case-event-level = new analysis: { $from } → { $to }
risk-case-event-recheck_planned = re-check plan #{ $plan }
risk-case-event-recheck_received = commission's scores for plan #{ $plan }
risk-case-event-measure = measure: { $kind }, by { $date }
risk-case-event-measure_done = measure marked: { $status }
risk-case-event-seen = seen
risk-case-more-history = …and { $count } earlier entries.
risk-button-own = I am the owner
risk-button-status = Change status
risk-button-note = Note
risk-button-due = Due date
risk-button-plan = Re-check plan
risk-button-scores = Commission's scores
risk-button-measure = Measure
risk-button-analysis = School analysis
risk-button-plan-file = Plan #{ $plan } file
risk-status-choose = New status of case #{ $id }:
risk-status-saved = Case #{ $id }: { $status }.
risk-status-bad-move = A case cannot go there from «{ $status }». Open the case again.
risk-seen-saved = Noted: case #{ $id } is under review, and you are its owner.
risk-seen-no-case = Marked as seen.
risk-owner-saved = You are now the owner of case #{ $id }.

## Text and dates

risk-ask-note = Write a note for case #{ $id } (up to 1000 characters) or send /cancel.
risk-ask-reason = Why were the signs not confirmed? Write the reason — it stays in the history of case #{ $id }. Or send /cancel.
risk-ask-due = By what date should the current step of case #{ $id } be done? Write it as DD.MM.YYYY, e.g. { $example }.
risk-ask-size = How many works should be re-checked? Write a number from 1 to { $max }.
risk-ask-text-again = I need text. Write it or send /cancel.
risk-bad-date = I could not read the date. Write it as DD.MM.YYYY, e.g. { $example }; it cannot be in the past.
risk-bad-size = I need a whole number from 1 to { $max }.
risk-note-saved = Note added to case #{ $id }.
risk-due-saved = Case #{ $id } is due { $date }.

## Re-check

risk-plan-choose = Re-check for case #{ $id }. The bot picks works at mark thresholds, works with tasks where the school is above the region, and a random sample by mark. How many works should be re-checked?
risk-plan-size = { $size ->
    [one] { $size } work
   *[other] { $size } works
  }
risk-plan-other = Another number
risk-plan-done = Re-check plan #{ $plan }: { $works ->
    [one] { $works } work
   *[other] { $works } works
  }. The list of participant codes and tasks is in the file. The commission writes its scores into the yellow cells; when it is done, press «Commission's scores» in the case and send this same file.
risk-plan-no-results = This school has no uploaded works — there is nothing to re-check.
risk-plan-bad-size = A re-check has from 1 to { $max } works.
risk-scores-no-plan = Make a re-check plan first: the «Re-check plan» button in the case.
risk-scores-send = Send the file of plan #{ $plan } with the commission's scores (.xlsx) or send /cancel.
risk-scores-send-file = I need the .xlsx file with the commission's scores. Send it or send /cancel.
risk-scores-download-failed = I could not get the file. Please send it again.
risk-scores-refused = The scores were not stored — the file has { $count ->
    [one] { $count } error
   *[other] { $count } errors
  }. Fix it and send the file again:
risk-scores-more = …and { $count } more.
risk-scores-saved = The commission's scores are stored: { $works ->
    [one] { $works } work
   *[other] { $works } works
  }. The analysis was run again with the re-check.
risk-scores-school = { $school }: the mark changed for { $changed } { $changed ->
    [one] work
   *[other] works
  } ({ $share }), mean change of the primary score { $mean }, non-confirmation index { $index }.
risk-scores-s10 = S10 in the new analysis: { $s10 }. The school's level is now: { $level }.
risk-scores-s10-none = no data
risk-problem-unreadable = The file cannot be read as an Excel workbook (.xlsx).
risk-problem-sheet-missing = The workbook has no sheet «{ $sheet }». Send the plan file the bot sent you.
risk-problem-other-plan = This is the file of plan #{ $other }; the scores expected are for plan #{ $plan }.
risk-problem-header = Cell { $cell }: the header «{ $expected }» was expected. Do not change the plan file's columns.
risk-problem-school-outside = Cell { $cell }: school «{ $school }» is not part of this re-check plan.
risk-problem-code-unknown = Cell { $cell }: the plan has no work with code «{ $code }» of school { $school }.
risk-problem-code-duplicate = Cell { $cell }: code { $code } appears in the file a second time.
risk-problem-score-invalid = Cell { $cell }: «{ $value }» is not a score for task { $task }. A whole number from 0 is needed.
risk-problem-score-above-max = Cell { $cell }: score { $value } is above the maximum { $max } of task { $task }.
risk-problem-score-missing = Cell { $cell }: no commission score for task { $task } (work { $code }). All yellow cells of a started row must be filled.
risk-problem-nothing-filled = The file has no commission scores at all.

## Re-check file

risk-reason-threshold = at a mark threshold
risk-reason-focus = above the region on tasks { $tasks }
risk-reason-sample = random sample by mark
risk-works-title = Re-check of works: { $title }
risk-works-plan = Plan #{ $plan } of { $date }.
risk-works-instructions = Write the commission's scores into the yellow cells (whole numbers from 0 to the task's maximum). Grey cells may stay empty — the first score then stands. Leave the whole row of a work that was not re-checked empty. Do not change the columns or the codes.
risk-works-school = School login
risk-works-code = Participant code
risk-works-reason = Why chosen
risk-works-first-score = Primary score
risk-works-max = max { $max }
risk-works-legend = Works at mark thresholds and with tasks above the region were chosen because inflation mostly hides there; the random sample shows the marking as a whole.
risk-works-file = Re-check - plan { $plan } - { $title }.xlsx

## Measures

risk-measure-choose = Which measure should be planned for case #{ $id }?
risk-measure-ask-due = Due date for «{ $kind }»: write it as DD.MM.YYYY, e.g. { $example }.
risk-measure-ask-owner = Who is responsible? Press «Me» or write a name and position.
risk-measure-me = Me
risk-measure-saved = Measure recorded: { $line }.
risk-measure-done = Done
risk-measure-cancel = Cancel

## The «Cases» sheet of the XLSX report

risk-sheet-title = Cases with signs of biased assessment
risk-sheet-school = School
risk-sheet-procedure = Test
risk-sheet-status = Status
risk-sheet-level = Latest analysis
risk-sheet-two-years = Second year
risk-sheet-owner = Owner
risk-sheet-opened = Opened
risk-sheet-age = Days
risk-sheet-due = Due
risk-sheet-resolution = Why not confirmed
risk-sheet-measures = Measures
risk-sheet-yes = yes
risk-sheet-empty = No cases yet.
risk-sheet-note = A case is a reason to look at the works more closely, not a finding of misconduct.
risk-observers-request-reason = Measure of risk case No. { $case }: observers at the next procedure.
