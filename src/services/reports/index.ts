/** Reports: charts (PNG) and workbooks (XLSX) rendered from the view model in model.ts. */
export type * from "./model.ts"
export { renderRiskOverview, renderScoreDistribution, renderTaskCompletion } from "./charts.ts"
export { riskOverviewChart, scoreDistributionChart, taskCompletionChart } from "./chart-models.ts"
export { buildMunicipalReport, buildSchoolReport, municipalReportWorkbook } from "./xlsx.ts"
