# Results analysis: chat summaries.

sign-title-S1 = Inflated mean score
sign-title-S1- = Low results
sign-title-S2 = Tasks done better than the group
sign-title-S3 = Hard tasks done better than easy ones
sign-title-S4 = Peaks at mark boundaries
sign-title-S5 = Unusually few «2» / many «5»
sign-title-S6 = Mismatch with journal marks
sign-title-S7 = Sharp rise / fall of a cohort
sign-title-S8 = ВПР not confirmed by ОГЭ/ЕГЭ
sign-title-S9 = Medalists not confirmed
sign-title-S10 = Not confirmed on re-check
sign-title-S11 = Identical answers
sign-title-S12 = Lenient checking of open answers

analysis-group-name = All schools that loaded the test
analysis-choose = Which test should I analyse?
analysis-nothing = There are no results you can view yet. Load a file with /upload.
analysis-not-allowed = These results are not available to you.
analysis-school-head = { $title }
    School { $school }
analysis-school-numbers = Participants: { $present } (absent: { $absent }). Mean primary score { $mean } (95 % CI { $low }–{ $high }); all schools: { $groupMean }.
analysis-school-marks = Marks: «2» { $m2 }, «3» { $m3 }, «4» { $m4 }, «5» { $m5 } (all schools: { $g2 }, { $g3 }, { $g4 }, { $g5 }).
analysis-school-journal = Against journal marks: confirmed { $confirmed }, lowered { $lowered }, raised { $raised }.
analysis-school-tasks-low = Tasks done clearly worse than in other schools: { $tasks }.
analysis-school-tasks-high = Tasks done clearly better: { $tasks }.
analysis-school-recommend = Worth a closer look when analysing the results:
analysis-school-clean = Nothing calls for special attention.
analysis-school-caution = ВПР results are not used to rate teachers and schools: this is a reason to look closer, not a verdict.
analysis-report-button = 📄 XLSX report
analysis-overview-head = { $title }
    { $scope }: schools { $schools }, participants { $present }.
analysis-overview-index = Objectivity index: { $index } (share of schools without signs of bias).
analysis-overview-levels = Risk zone { $risk }, attention { $attention }, no signs { $none }, not assessed { $unassessed }.
analysis-overview-risk-list = Schools in the risk zone:
analysis-overview-attention-list = Need attention:
analysis-overview-more = …and { $count } more. The full list is in the XLSX report.
analysis-overview-drill = Details of a school: buttons below.
analysis-level-risk = risk zone
analysis-level-attention = needs attention
analysis-level-none = no signs
analysis-school-risk = Risk level: { $level }.
analysis-chart-caption = { $title }: { $what }
analysis-chart-scores = distribution of primary scores
analysis-chart-tasks = task completion
analysis-chart-risk = schools' mean scores and risk levels
analysis-working = Working on the analysis…
