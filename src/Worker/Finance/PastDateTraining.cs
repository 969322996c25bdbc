using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Finance;

/// <summary>The forecast backtest's model for one past date: the company as known then, and its training in progress.</summary>
/// <param name="Date">The past forecast date.</param>
/// <param name="View">The company cut at the date (<see cref="CompanyBatches.At"/>).</param>
/// <param name="Training">Its training, started on the cut ledger; rows are added pass by pass.</param>
internal sealed record PastDateTraining(DateOnly Date, CompanyBatches View, ChurnModelTraining Training);
