# A problem repeated in many cells is said once (src/bot/formatting/problems.ts).
problems-also-in = { $count ->
    [one] (and in { $count } more place: { $cells })
   *[other] (and in { $count } more places: { $cells })
}
problems-also-rows = { $count ->
    [one] (and in { $count } more row: { $rows })
   *[other] (and in { $count } more rows: { $rows })
}
problems-also = { $count ->
    [one] (and { $count } more like it)
   *[other] (and { $count } more like it)
}
