using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>What the score, signals and reports jobs start from: the stored history, its timeline, the newest models and the as-of date.</summary>
internal sealed record StoredCompany(CompanyHistory History, CompanyTimeline Timeline, TrainedModels Models, DateOnly AsOf);
