# Signs of biased results: titles and one-line descriptions with figures (XLSX reports, chat summaries, CLI JSON).

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

# One line per sign: "S4 · Peaks at mark boundaries: …".
sign-line-fired = { $id } · { $title }: { $text }
sign-line-fired-strong = { $id } · { $title }: { $text } (strong sign)
sign-line-abstained = { $id } · { $title }: not assessed — { $text }
sign-line-not-fired = { $id } · { $title }: not found

# How numbers are written in the sign lines.
sign-decimal-separator = .
sign-percent = { $value }%

# Why a sign fired. Fractions arrive already written out; counts arrive as numbers.
sign-fired-mean-above-group = mean score { $mean } (CI { $low }–{ $high }) against { $groupMean } (CI { $groupLow }–{ $groupHigh }) in the group
sign-fired-mean-below-group = { sign-fired-mean-above-group }
sign-fired-tasks-above-group = { $above } of { $tasks } { $tasks ->
    [one] task
   *[other] tasks
} done better than in the group ({ $share }): { $labels }
sign-fired-hard-tasks-above-easy = compared with schools of the same level, hard tasks ({ $tasks }) are done better than easy ones by { $delta } percentage points, { $p }
sign-fired-hard-tasks-weaker-pupils = weaker participants beat expectations on hard tasks ({ $tasks }) by far more than stronger ones: a gap of { $contrast } percentage points, { $p }
sign-fired-criteria-tasks-above-one-point = compared with schools of the same level, open-answer tasks are done better than one-point tasks by { $delta } percentage points, { $p }
sign-fired-peak-at-threshold = { $mark ->
    [all] { $at } { $at ->
        [one] paper
       *[other] papers
    } exactly at the mark boundaries
   *[other] a peak at the boundary for mark { $mark } ({ $threshold } { $threshold ->
        [one] point
       *[other] points
    }): { $at } { $at ->
        [one] paper
       *[other] papers
    } at the boundary
}, { $below } within { $window ->
    [one] { $window } point
   *[other] { $window } points
} below (about { $expected } expected at { $mark ->
    [all] the boundaries
   *[other] the boundary
}), { $p }
sign-fired-many-fives = mark «5» for { $share } of participants against { $groupShare } in the group
sign-fired-few-twos = mark «2» for { $twos } of { $n } { $n ->
    [one] participant
   *[other] participants
} against { $groupShare } in the group, { $p }
sign-fired-negative-correlation = ВПР scores disagree with journal marks: ρ = { $rho } ({ $marks } { $marks ->
    [one] mark
   *[other] marks
})
sign-fired-two-mark-gaps = the ВПР mark differs from the journal mark by two or more for { $share } of papers against { $groupShare } in the group
sign-fired-marks-lowered = { $share } of participants got a lower mark than in the journal, against { $groupShare } in the group
sign-fired-marks-raised = { $share } of participants got a higher mark than in the journal, against { $groupShare } in the group
sign-fired-journal-above-scores = journal marks are on average { $difference } higher than those of participants in other schools with the same ВПР scores (allowing for the school's level), { $p }
sign-fired-scores-above-journal = journal marks are on average { $difference } lower than those of participants in other schools with the same ВПР scores (allowing for the school's level): the ВПР results are higher than the marks suggest, { $p }
sign-fired-fall-next-year = a year later the cohort's results are markedly lower: K = { $k } with the upper fence at { $fence }
sign-fired-rise-from-last-year = a sharp rise on last year: K = { $k } with the lower fence at { $fence }
sign-fired-exam-not-confirming = the school's percentile is { $vpr } in ВПР but only { $exam } in { $label }
sign-fired-medalists-not-confirmed = { $below } of { $medalists } { $medalists ->
    [one] medalist
   *[other] medalists
} scored below { $cutoff } { $cutoff ->
    [one] point
   *[other] points
} in ЕГЭ (index { $index })
sign-fired-marks-lowered-on-recheck = the re-check of { $works } papers lowered the mark for { $share } of them (raised it for { $raised }); the score changed by { $change } on average
sign-fired-scores-lowered-on-recheck = { sign-fired-marks-lowered-on-recheck }
sign-fired-identical-answers = { $pairs } { $pairs ->
    [one] pair
   *[other] pairs
} of same-variant papers with identical answers where { $expected } would be expected, { $p }

# Why a sign is not assessed.
sign-abstained-disabled = the sign is turned off in the settings
sign-abstained-too-few-participants = too few participants ({ $n }, the minimum is { $minimum })
sign-abstained-too-few-for-distribution = the score distribution needs at least { $minimum } { $minimum ->
    [one] participant
   *[other] participants
} (there are { $n })
sign-abstained-too-few-journal-marks = too few journal marks ({ $marks }, the minimum is { $minimum })
sign-abstained-too-few-medalists = too few medalists ({ $medalists }, the minimum is { $minimum })
sign-abstained-too-few-rechecked = too few re-checked papers ({ $works }, the minimum is { $minimum })
sign-abstained-no-scale = no scale for converting scores to marks
sign-abstained-no-reference = no data for the comparison group
sign-abstained-no-task-split = the test lacks tasks of both kinds to compare
sign-abstained-no-same-level-schools = no schools of the same level to compare with
sign-abstained-too-few-pupils = too few papers to compare tasks
sign-abstained-lyceum-exempt = lyceums and gymnasiums are exempt from this sign (a setting)
sign-abstained-no-tasks = no tasks to compare
sign-abstained-single-variant = the comparison needs pairs of papers of both the same and different variants

# What data a sign lacks.
sign-no-data = no data
sign-no-data-S6 = no journal marks
sign-no-data-S7 = no data on the same cohort in the neighbouring year
sign-no-data-S8 = no ОГЭ/ЕГЭ data
sign-no-data-S9 = no data on medalists
sign-no-data-S10 = no re-check data
