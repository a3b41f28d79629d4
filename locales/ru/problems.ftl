# A problem repeated in many cells is said once (src/bot/formatting/problems.ts).
problems-also-in = { $count ->
    [one] (и ещё в { $count } месте: { $cells })
   *[other] (и ещё в { $count } местах: { $cells })
}
problems-also-rows = { $count ->
    [one] (и ещё в { $count } строке: { $rows })
   *[other] (и ещё в { $count } строках: { $rows })
}
problems-also = { $count ->
    [one] (и ещё { $count } такая же)
    [few] (и ещё { $count } такие же)
   *[other] (и ещё { $count } таких же)
}
