namespace ChurnWatch.Worker.Finance;

/// <summary>What <c>churnwatch forecast renewals</c> was asked for.</summary>
/// <param name="Months">Calendar months forecast, from the month of the latest scoring.</param>
/// <param name="BySegment">Also forecast each segment.</param>
/// <param name="BacktestMonths">Past months replayed by the backtest (0: no backtest).</param>
/// <param name="Retrain">Train the models again at each past forecast date on the data before it (out-of-sample, slower).</param>
internal sealed record RenewalForecastRequest(int Months, bool BySegment, int BacktestMonths, bool Retrain = true);
