# The production calendar: viewing it, and an admin's update.

calendar-title = 🗓 Production calendar (five-day week):
calendar-year-line = { $year } — { $status ->
    [final] final
   *[provisional] provisional
}{ $loaded ->
    [yes] , loaded by an admin
   *[no] {""}
}: { $days } working days, { $hours } hours.{ $decree ->
    [none] {""}
   *[other] {" "}{ $decree }
}
calendar-provisional-hint = For a provisional year deadlines follow art. 112 of the Labour Code; when the decree on moved days off is published an admin loads it here and the reminders follow by themselves.
calendar-admin-hint = To update a year, download the template, correct it from the decree and send it back (or a JSON file shaped like production-calendar.json).
calendar-button-template = ⬇️ Template for { $year }
calendar-button-upload = ⬆️ Upload an update
calendar-send-file = Send the filled calendar template (.xlsx) or a JSON file. /cancel to stop.
calendar-not-admin = Only admins can update the production calendar.
calendar-template-caption = The production calendar for { $year }: correct it from the decree and send it back with /calendar.
calendar-saved = Done, the calendar is updated. Every deadline and reminder now follows it.
calendar-rejected = The calendar was not accepted, nothing changed. Please fix:
calendar-more-problems = …and { $count } more.

calendar-not-object = expected an object like {"{"}"2027": {"{"} … {"}}"}, as in production-calendar.json
calendar-not-json = the file does not read as JSON
calendar-json-too-large = the JSON file is over 1 MB — not a calendar
calendar-no-sheet = the workbook has no sheet «{ $sheet }». Download the template with /calendar.
calendar-year = «{ $year }» is not a year (four digits, 2020–2100)
calendar-status = the status must be «окончательный» (final) or «предварительный» (provisional)
calendar-list = a list of dates was expected
calendar-date = «{ $value }» is not a date
calendar-other-year = { $date } is not in { $year }
calendar-duplicate = { $date } is listed twice
calendar-not-holiday = { $date } is not a non-working holiday of Labour Code art. 112; mark a moved day off as «выходной по переносу»
calendar-holiday-missing = the holiday { $date } (Labour Code art. 112) is missing: list every non-working holiday
calendar-day-off-on-weekend = { $date } is a Saturday or Sunday, a day off anyway; «выходной по переносу» is for weekdays
calendar-working-weekday = { $date } is a weekday; only a Saturday or Sunday can be a «рабочий выходной»
calendar-short-day-off = { $date } is a day off; only a working day can be shortened
calendar-transfer = the transfer from { $from } to { $to } does not add up: the day the day off moves to must be listed as «выходной по переносу»
calendar-cell-year = «{ $value }» is not a year, write four digits
calendar-cell-status = «{ $value }»: write «окончательный» or «предварительный»
calendar-cell-kind = «{ $value }»: the kind of day must be one of the list (праздник, выходной по переносу, рабочий выходной, сокращённый день, перенос без даты)
calendar-cell-date = «{ $value }» is not a date; write DD.MM.YYYY
calendar-cell-from-needed = for «перенос без даты» write here the day that will move
