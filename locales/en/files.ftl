# Names of the files the bot and the command line send or write.
file-results-template = Template — { $title }.xlsx
file-outside-template = Outside data — OGE, EGE, medalists, re-checks.xlsx
file-spec-template = Procedure spec.xlsx
file-problems = { $name } — problems.xlsx
file-school-report = { $title } - school.xlsx
file-municipal-report = { $title } - overview.xlsx
file-analysis-settings = analysis-settings.json
