using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>What the score, signals and reports jobs start from: the stored company (read one batch of accounts at a time), the newest models and the as-of date.</summary>
internal sealed record StoredCompany(CompanyBatches Company, TrainedModels Models, DateOnly AsOf);
