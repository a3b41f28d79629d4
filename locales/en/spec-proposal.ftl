# A spec proposed from a result file when none is held for its procedure (services/specs/propose.ts).
spec-proposal-head = I have no task description for "{ $title }". I made one from the file itself: { $tasks } tasks, maximum primary score { $max }.
spec-proposal-positional = This export only numbers its score columns, so the tasks are named by position: 1, 2, 3…
spec-proposal-tasks = Tasks (number — maximum): { $list }.
spec-proposal-doubts = Please check the { $count ->
    [one] task
   *[other] tasks
  } marked ⚠:
spec-doubt-no-scores = { $task }: nobody scored a point, the maximum is unknown — I put 1
spec-doubt-few-scores = { $task }: only { $scored } participants have a score, the real maximum may not have occurred — I put { $max }
spec-doubt-rare-maximum = { $task }: only { $count } of { $scored } participants have { $max }; it may be a typo
spec-doubt-above-header = { $task }: the header says the maximum is { $max }, but the file has { $seen }; those rows will be marked as errors
spec-doubt-too-large = { $task }: the file has { $seen } — more than one task may be worth ({ $limit })
spec-proposal-scale = Mark scale from the file's marks: "3" from { $three }, "4" from { $four }, "5" from { $five } points.
spec-proposal-published-max = ⚠ The task maxima add up to { $max }, but the official ВПР { $year } scale gives a maximum primary score of { $published }. Perhaps nobody in the file got full marks for some task, or the file has a different number of tasks — please check the maxima.
spec-proposal-scale-published = Mark scale: the official ВПР { $year } scale, "3" from { $three }, "4" from { $four }, "5" from { $five } points.
spec-proposal-no-scale = The file records no ВПР marks, so there will be no mark scale; it can be added later with /spec.
spec-proposal-scale-inconsistent = The file's marks contradict its scores, so no scale can be made from them; the spec will have none, it can be added later with /spec.
spec-proposal-scope-region = It will apply to the whole region.
spec-proposal-scope-municipality = It will apply only to the schools of { $municipality }.
spec-proposal-affected = Results of this procedure are already loaded for { $count } schools ({ $names }); they stay read with the previous description, the new one applies to new uploads.
spec-proposal-question = Save this description and load the file? If anything is wrong, correct the attached table and send it to me.
spec-proposal-fix-only = This description cannot be saved as it is: correct the marked tasks in the attached table and send it to me.
spec-proposal-confirm = ✅ Save and load
spec-proposal-file-caption = The task description made from the file. The marked tasks are worth checking.
spec-proposal-file-name = Spec — { $title }.xlsx
spec-proposal-send-fixed = Send the corrected table as an .xlsx file, or press the button.
spec-proposal-fix-rejected = The corrected table could not be accepted:

# What a new spec would change in the results already stored (services/specs/rescore.ts).
spec-changes-head = If the results already loaded were read with this spec, this would change in { $count ->
    [one] { $count } school
   *[other] { $count } schools
  }:
spec-changes-marks = the mark changes for { $marks } of { $rows } { $rows ->
    [one] participant
   *[other] participants
  }
spec-changes-over-max = a score above the new maximum in { $count } rows (they would become errors)
spec-changes-misfit = another number of tasks: these results would have to be loaded again
spec-changes-more = …and { $count } more.
spec-changes-none = The results of this procedure already loaded ({ $rows ->
    [one] { $rows } participant
   *[other] { $rows } participants
  }) would not change with the new spec.
spec-changes-question = Save the spec? Results already loaded stay read with the previous spec; the new one applies to new uploads.
spec-changes-save = ✅ Save
spec-changes-cancel = ✖️ Cancel
spec-changes-cancelled = All right, the spec was not saved.
