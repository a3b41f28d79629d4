# Reports: XLSX sheets, column headers, chart labels.
# Sheet names must not exceed 31 characters (an Excel limit).

reports-sheet-marks = Marks
reports-sheet-journal = Marks vs journal
reports-sheet-scores = Primary score distribution
reports-sheet-tasks = Task completion
reports-sheet-signs = Signs of bias
reports-sheet-variants = Variants
reports-sheet-risks = Risks
reports-sheet-summary = Summary

reports-heading-marks = Statistics of marks
reports-heading-journal = Test marks compared with journal marks
reports-heading-scores = Distribution of primary scores
reports-heading-tasks = Task completion
reports-heading-signs = Signs of biased results
reports-heading-variants = Results by variant
reports-heading-risks = Schools with signs of biased results
reports-heading-summary = Summary by school

reports-line-school = School: { $school }
reports-line-scope = Area: { $scope }
reports-line-group = Compared with: { $group }
reports-group-too-small = no group yet — a comparison needs at least { $minimum } other schools, { $others } loaded
reports-line-risk = Risk level: { $level }
reports-line-index = Objectivity index: { $index } % — the share of schools without signs of bias ({ $clean } of { $assessed } assessed)
reports-line-off-list = Of the schools needing no action, { $count } { $count ->
    [one] has signs but did not
   *[other] have signs but did not
} make the re-check list
reports-line-index-withheld = No objectivity index: { $assessed } schools assessed, it needs at least { $minimum }
reports-line-index-none = Objectivity index: no data
reports-line-levels = Schools at risk: { $risk }; needing attention: { $attention }; no action needed: { $none }; not assessed: { $unassessed }

reports-col-group = Participant groups
reports-col-participants = Participants
reports-col-absent = Absent
reports-col-mean = Mean score
reports-col-mean-low = Mean CI: from
reports-col-mean-high = Mean CI: to
reports-col-journal-participants = Participants with a journal mark
reports-col-lowered = Lower (mark < journal mark), pupils
reports-col-lowered-share = Lower, %
reports-col-confirmed = Confirmed (mark = journal mark), pupils
reports-col-confirmed-share = Confirmed, %
reports-col-raised = Higher (mark > journal mark), pupils
reports-col-raised-share = Higher, %
reports-col-variant = Variant
reports-col-rank = No.
reports-col-login = Login
reports-col-school = School
reports-col-level = Level
reports-col-signs = Signs
reports-col-reasons = Reasons
reports-col-signs-found = Signs found
reports-col-sign-id = Sign
reports-col-sign-title = Description
reports-col-sign-status = Verdict
reports-col-sign-strength = Strength
reports-col-sign-reason = Explanation
reports-col-sign-evidence = Figures

reports-task-note = { $level }, max { $max }
reports-task-note-nolevel = max { $max }
reports-threshold-note = “{ $mark }”

reports-status-fired = yes
reports-status-not_fired = no
reports-status-abstained = not assessed
reports-strength-strong = strong
reports-strength-moderate = moderate
reports-risk-none = no action needed
reports-risk-attention = needs attention
reports-risk-risk = at risk
reports-risk-unassessed = not assessed

reports-note-marks = Percentages of the participants who wrote the test. Green: mean above the comparison group, red: below (the confidence intervals do not overlap).
reports-note-journal = Percentages of the participants who have a journal mark.
reports-note-scores = Blue columns are the minimum scores of the marks 3, 4 and 5. Sharp peaks exactly at these scores may point to biased marking and need a closer look.
reports-note-tasks = Green: completion above the comparison group, red: below; where confidence intervals are known, only differences with non-overlapping intervals are marked.
reports-note-levels = Task level: Б — basic, П — raised, В — high.
reports-note-summary = Schools from those needing action to those needing none; each school's figures are on the «Risks» sheet, the FIS OKO tables on the following sheets. Every sheet can be filtered by its columns.
reports-note-signs-fired-only = Only the signs found are listed here. All of a school's signs, with the reasons some were not assessed, are in the school's report (its button in the overview).
reports-note-caution = A sign is a reason to look closer, not a verdict of bias. Test results are not used to rate teachers or schools.

reports-chart-scores-title = Distribution of primary scores
reports-chart-scores-x = Primary score
reports-chart-scores-y = % of participants
reports-chart-tasks-title = Task completion
reports-chart-tasks-x = Task
reports-chart-tasks-y = % completed
reports-chart-tasks-band = { $group }: confidence interval
reports-chart-levels-note = П, В — tasks of the raised and high levels
reports-chart-risk-title = Schools' mean scores with confidence intervals
reports-chart-risk-x = Mean primary score
reports-chart-risk-shown = { $shown } of { $total } schools shown, those with signs first
reports-chart-risk-flagged = schools at risk and needing attention: { $shown } of { $flagged } shown; { $total } schools in all
reports-chart-group-mean = { $group }: mean score
