# Names of the files the bot and the command line send or write.
file-results-template = Шаблон — { $title }.xlsx
file-outside-template = Внешние данные — ОГЭ, ЕГЭ, медалисты, перепроверка.xlsx
file-spec-template = Спецификация процедуры.xlsx
file-problems = { $name } — проблемы.xlsx
file-school-report = { $title } - школа.xlsx
file-municipal-report = { $title } - обзор.xlsx
file-analysis-settings = analysis-settings.json
