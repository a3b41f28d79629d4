# Results analysis: chat summaries.

analysis-group-name = All schools that loaded the test
analysis-choose = Which test should I analyse?
analysis-nothing = There are no results you can view yet. Load a file with /upload.
analysis-not-allowed = These results are not available to you.
analysis-school-head = { $title }
    School { $school }
analysis-school-numbers = Participants: { $present } (absent: { $absent }). Mean primary score { $mean }, all schools: { $groupMean }.
analysis-school-marks = Marks: «2» { $m2 }, «3» { $m3 }, «4» { $m4 }, «5» { $m5 } (all schools: { $g2 }, { $g3 }, { $g4 }, { $g5 }).
analysis-school-journal = Against journal marks: confirmed { $confirmed }, lowered { $lowered }, raised { $raised }.
analysis-school-tasks-low = Tasks done clearly worse than in other schools: { $tasks }.
analysis-school-tasks-high = Tasks done clearly better: { $tasks }.
analysis-sign-strong = { $title } (strong sign)
analysis-school-recommend = Worth a closer look when analysing the results:
analysis-school-clean = Nothing calls for special attention.
analysis-school-caution = ВПР results are not used to rate teachers and schools: this is a reason to look closer, not a verdict.
analysis-report-button = 📄 XLSX report
analysis-overview-head = { $title }
    { $scope }: schools { $schools }, participants { $present }.
analysis-overview-index = Objectivity index: { $index } — the share of schools without signs of bias ({ $clean } of { $assessed } assessed).
analysis-overview-off-list = Of the schools needing no action, { $count } { $count ->
    [one] has signs but did not
   *[other] have signs but did not
} make the re-check list.
analysis-overview-levels = Risk zone { $risk }, attention { $attention }, no action needed { $none }, not assessed { $unassessed }.
analysis-overview-risk-list = Schools in the risk zone:
analysis-overview-attention-list = Need attention:
analysis-overview-more = …and { $count } more. The full list is in the XLSX report.
analysis-overview-recheck = The schools that need attention form the list for a selective re-check: at most 10 % of the municipality's schools, first those where a re-check is most likely to change the picture. The bot proposes which works to re-check: /risk or the «Re-check» button of an alert. The commission's scores enter the next analysis.
analysis-overview-drill = Details of a school: buttons below.
analysis-level-risk = risk zone
analysis-level-attention = needs attention
analysis-level-none = no action needed
analysis-school-risk = Risk level: { $level }.
analysis-chart-caption = { $title }: { $what }
analysis-chart-scores = distribution of primary scores
analysis-chart-tasks = task completion
analysis-chart-risk = schools' mean scores and risk levels
analysis-working = Working on the analysis…

help-settings = /settings — sign thresholds and the comparison group for your municipality's analyses
settings-caption = Your municipality's analysis settings: sign thresholds, minimum group sizes, the comparison group. Change the values in the file and send it back to me. Earlier analyses keep their own settings.
settings-send-file = Send the settings file (.json), or send /cancel.
settings-saved = Settings saved. The next analysis will use them.
settings-invalid = Settings not saved — the file has errors:
settings-not-json = I could not read the file: it must be JSON, like the file I sent.
settings-not-allowed = Municipal coordinators can change the analysis settings.
analysis-overview-trend = In { $year } the index was { $index }.
analysis-overview-two-years = in the risk zone for the second year running
analysis-details-button = 🔎 Details
analysis-details-head = { $title } · { $school }: figures
analysis-details-mean = Mean primary score { $mean } (95 % confidence interval, CI: { $low }–{ $high }); { $group }: { $groupMean }.
analysis-details-fired = Signs found (code, title, figures):
analysis-details-abstained = Not assessed, and why:

# Honest comparisons: only with a group holding enough other schools.
analysis-school-numbers-alone = Participants: { $present } (absent: { $absent }). Mean primary score { $mean }.
analysis-school-marks-alone = Marks: «2» { $m2 }, «3» { $m3 }, «4» { $m4 }, «5» { $m5 }.
analysis-school-no-comparison = No comparison with other schools yet: { $others ->
    [0] no other school's results are loaded
    [one] only { $others } other school's results are loaded
   *[other] only { $others } other schools' results are loaded
}, and a fair comparison needs at least { $minimum }.
analysis-school-who-loads-teacher = Other schools' results are loaded by their coordinators or the municipal coordinator (an FIS OKO export of the municipality or region). Once there are enough, the comparison appears here.
analysis-school-who-loads-coordinator = For a comparison, load an FIS OKO export of the municipality or region (/upload).
analysis-school-clean-of = { $assessed } of { $total } signs were assessed; none of them calls for special attention.
analysis-school-unassessed = Not assessed:
analysis-school-none-assessed = No sign could be assessed, so there is no conclusion about objectivity. Why:
analysis-overview-no-index = No objectivity index: { $assessed } schools assessed, it needs at least { $minimum }.
analysis-overview-trend-common = Over the { $common } schools assessed in both years: the index was { $index } in { $year }, { $current } now.
analysis-overview-trend-none = No comparison with { $year }: only { $common } of the same schools were assessed in both years, at least { $minimum } are needed.
analysis-chosen = Analysis of: { $title }
analysis-details-mean-alone = Mean primary score { $mean } (95 % confidence interval: { $low }–{ $high }); too few other schools to compare with yet.
