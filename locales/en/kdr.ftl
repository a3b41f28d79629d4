# КДР mark scale: proposals, confirmation, marks to the schools.

help-kdr = /kdr — the mark scale of a КДР after the work
kdr-scale-title = Confirm the mark scale: { $procedure }
kdr-not-allowed = Municipal coordinators confirm the КДР scale.
kdr-none = No КДР results in your municipality yet. Upload them like ВПР results (/upload), then come back here.
kdr-nothing = The results of this КДР are gone or not yours to see.
kdr-title = 📐 КДР with results:
kdr-line = { $number }. { $title } — { $schools } schools, { $participants } participants, scale: { $scale ->
    [none] not confirmed
   *[other] { $scale }
}
kdr-proposals-title = 📐 { $title }: { $participants } participants from { $schools } schools, maximum { $max } points.
kdr-current = In force now: { $scale }.
kdr-letter-0 = A
kdr-letter-1 = B
kdr-proposal-shares-default = { $letter }. By shares of marks (usual shares: «2» — { $p2 } %, «3» — { $p3 } %, «4» — { $p4 } %, «5» — { $p5 } %):
kdr-proposal-shares-vpr = { $letter }. By shares of marks as in your latest ВПР of this subject and grade («2» — { $p2 } %, «3» — { $p3 } %, «4» — { $p4 } %, «5» — { $p5 } %):
kdr-proposal-shares-chosen = { $letter }. By the shares you chose («2» — { $p2 } %, «3» — { $p3 } %, «4» — { $p4 } %, «5» — { $p5 } %):
kdr-proposal-reference = { $letter }. The scale of { $reference } ({ $scale } of { $max }) carried over to { $kdrMax } points:
kdr-scale = «3» from { $three }, «4» from { $four }, «5» from { $five }
kdr-marks = «2»: { $m2 } ({ $p2 } %), «3»: { $m3 } ({ $p3 } %), «4»: { $m4 } ({ $p4 } %), «5»: { $m5 } ({ $p5 } %)
kdr-proposals-hint = Confirm one scale with its button: the marks are recomputed in every school, and the school coordinators get their school's marks the next working day.
kdr-button-confirm = ✅ Confirm { $letter }
kdr-button-shares = ✏️ Choose shares
kdr-ask-shares = Write the wanted shares of the marks «2», «3», «4», «5» in percent separated by spaces, e.g.: 10 35 40 15
kdr-bad-shares = Four numbers are needed — the shares of «2», «3», «4» and «5», e.g.: 10 35 40 15
kdr-scale-invalid = This scale is impossible: the thresholds must increase and stay within the maximum score.
kdr-confirmed = Scale confirmed (spec version { $version }): «3» from { $three }, «4» from { $four }, «5» from { $five }. Marks recomputed: { $schools } schools, { $participants } participants («5»: { $m5 }, «4»: { $m4 }, «3»: { $m3 }, «2»: { $m2 }). The school coordinators get their schools' marks on { $day } at 09:00.
kdr-marks-delivered =
    📐 { $title }: the scale is confirmed — «3» from { $three }, «4» from { $four }, «5» from { $five } points.
    Your school's marks: «5» — { $m5 }, «4» — { $m4 }, «3» — { $m3 }, «2» — { $m2 } ({ $present } wrote it). Per participant — in the file.
