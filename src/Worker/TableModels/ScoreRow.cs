namespace ChurnWatch.Worker.TableModels;

/// <summary>One scored row: its id, the probability, and the columns that raised it most.</summary>
internal sealed record ScoreRow(string Id, double Probability, IReadOnlyList<string> Drivers);
