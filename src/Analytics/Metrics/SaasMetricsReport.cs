namespace ChurnWatch.Analytics.Metrics;

/// <summary>The SaaS metrics of a run of months, with the conventions they were computed with.</summary>
/// <param name="Months">The MRR bridge, oldest month first.</param>
/// <param name="Cohorts">Cohort retention cells: cohorts that started in the months, by cohort then months since start.</param>
/// <param name="Options">The conventions.</param>
/// <param name="DataAsOf">The newest instant of the data; months end before it.</param>
public sealed record SaasMetricsReport(IReadOnlyList<MrrMonth> Months, IReadOnlyList<CohortCell> Cohorts, MetricsOptions Options, DateTime DataAsOf);
