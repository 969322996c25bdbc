using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Builds labelled observations: every account active at each observation date, with both targets' labels.</summary>
internal static class ObservationSetBuilder
{
    /// <summary>The observation dates: Mondays every interval from the warm-up's end while any label can be known.</summary>
    public static IReadOnlyList<DateOnly> ObservationDates(CompanyTimeline timeline, ModelingOptions options) =>
        ObservationDates(timeline.Shape, options);

    /// <summary>The observation dates of a company of this shape.</summary>
    public static IReadOnlyList<DateOnly> ObservationDates(CompanyShape shape, ModelingOptions options)
    {
        if (shape.FirstDataDay is not { } firstData)
        {
            return [];
        }

        var dates = new List<DateOnly>();
        for (var day = ObservationCalendar.MondayOnOrAfter(firstData + options.WarmUpDays);
             ObservationCalendar.Instant(day).AddDays(options.GraceDays) <= shape.DataAsOf;
             day += options.ObservationIntervalDays)
        {
            dates.Add(DateOnly.FromDayNumber(day));
        }

        return dates;
    }

    /// <summary>Every row of a whole company's timeline, unsampled.</summary>
    public static ObservationSet Build(PredictorBuilder builder, ModelingOptions options) =>
        Build([builder], TrainingSample.All, options);

    /// <summary>
    /// The rows of every batch of a company, in batch order: the sample decides which rows are kept and their weights,
    /// and only the kept rows' predictors are computed, so memory grows with the sample, not with the history.
    /// </summary>
    /// <param name="batches">One predictor builder per batch of accounts (each over a timeline built with the company's shape).</param>
    /// <param name="sample">Which rows to keep.</param>
    /// <param name="options">Horizon, grace, windows.</param>
    public static ObservationSet Build(IEnumerable<PredictorBuilder> batches, TrainingSample sample, ModelingOptions options)
    {
        Rows? rows = null;
        try
        {
            foreach (var builder in batches)
            {
                rows ??= new Rows(ObservationDates(builder.Timeline, options), sample, options);
                rows.Add(builder);
            }

            return (rows ?? throw new InvalidOperationException("No batch of accounts to build observations from.")).ToSet();
        }
        finally
        {
            rows?.Dispose();
        }
    }

    /// <summary>
    /// Observation rows gathered one batch of accounts at a time (the kept rows only): each batch's predictors are appended
    /// to the set's <see cref="PredictorRows"/> file as soon as they are built, its labels and weights kept in memory.
    /// </summary>
    internal sealed class Rows(IReadOnlyList<DateOnly> dates, TrainingSample sample, ModelingOptions options) : IDisposable
    {
        private readonly List<string> _accountIds = [];
        private readonly List<Chunk> _chunks = [];
        private PredictorRows? _predictors;
        private IReadOnlySet<string>? _countLike;

        /// <summary>Adds the kept rows of one batch; every batch must share the company's predictor columns.</summary>
        public void Add(PredictorBuilder builder)
        {
            if (_predictors is null)
            {
                _predictors = new PredictorRows(builder.Schema.Names);
                _countLike = builder.Schema.Definitions.Where(d => d.IsCountLike).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            }
            else if (!_predictors.Names.SequenceEqual(builder.Schema.Names, StringComparer.Ordinal))
            {
                throw new InvalidOperationException("Batches of one company gave different predictor columns: build every batch's timeline with the company's shape.");
            }

            var (chunk, predictors) = BuildChunk(builder, dates, sample, options, _accountIds.Count);
            _predictors.Append(predictors);
            _chunks.Add(chunk);
            _accountIds.AddRange(builder.Timeline.Timelines.Select(t => t.Account.AccountId));
        }

        /// <summary>The rows gathered so far, as one set (which owns the predictors' file from then on).</summary>
        public ObservationSet ToSet()
        {
            var predictors = _predictors ?? throw new InvalidOperationException("No batch of accounts to build observations from.");
            T[] Join<T>(Func<Chunk, T[]> part) => _chunks.Count == 1 ? part(_chunks[0]) : [.. _chunks.SelectMany(part)];
            var set = new ObservationSet(Join(c => c.Account), Join(c => c.Day), predictors, Join(c => c.Churn), Join(c => c.NonRenewal), Join(c => c.ChurnKnown), Join(c => c.RenewalKnown))
            {
                AccountIds = _accountIds,
                Weight = Join(c => c.Weight),
                CountLike = _countLike!,
            };
            _chunks.Clear();
            _predictors = null;
            return set;
        }

        /// <summary>Deletes the predictors' file when the rows never became a set (a training abandoned part way).</summary>
        public void Dispose() => _predictors?.Dispose();
    }

    /// <summary>An account's labelled rows at the dates: the date, and each target's label (1, 0, or -1 when unknown).</summary>
    internal static IEnumerable<(int Day, sbyte Churn, sbyte NonRenewal, int RenewalKnown)> LabelledRows(
        AccountTimeline account, IReadOnlyList<DateOnly> dates, ModelingOptions options, DateTime dataAsOf)
    {
        var churnDates = ChurnEvents.Find(account.Subscriptions, dataAsOf, options.GraceDays);
        foreach (var date in dates)
        {
            if (!account.IsActiveAt(ObservationCalendar.Instant(date)))
            {
                continue;
            }

            var churn = ChurnLabel.At(churnDates, date, options.HorizonDays, options.GraceDays, dataAsOf);
            var renewal = RenewalLabel.At(account.Subscriptions, date, options.RenewalWindowDays, options.GraceDays, dataAsOf);
            if (churn is null && renewal is null)
            {
                continue;
            }

            var renewalKnown = renewal is null ? 0 : RenewalLabel.NextRenewal(account.Subscriptions, date)!.Value.DayNumber + options.GraceDays;
            yield return (date.DayNumber, Code(churn), Code(renewal), renewalKnown);
        }
    }

    private sealed record Chunk(int[] Account, int[] Day, sbyte[] Churn, sbyte[] NonRenewal, int[] ChurnKnown, int[] RenewalKnown, float[] Weight);

    private static (Chunk Chunk, double[] Predictors) BuildChunk(PredictorBuilder builder, IReadOnlyList<DateOnly> dates, TrainingSample sample, ModelingOptions options, int accountOffset)
    {
        var dataAsOf = builder.Timeline.Shape.DataAsOf;
        var accounts = builder.Timeline.Timelines;

        // Pass 1 (parallel): which (account, date) rows exist, their labels and weights; each account writes only its slot.
        var perAccount = new (int Day, sbyte Churn, sbyte NonRenewal, int RenewalKnown, float Weight)[accounts.Length][];
        Parallel.For(0, accounts.Length, a =>
        {
            var account = accounts[a];
            var rows = new List<(int, sbyte, sbyte, int, float)>();
            foreach (var (day, churn, renewal, renewalKnown) in LabelledRows(account, dates, options, dataAsOf))
            {
                var weight = sample.WeightOf(account.Account.AccountId, day, churn == 1 || renewal == 1);
                if (weight > 0)
                {
                    rows.Add((day, churn, renewal, renewalKnown, (float)weight));
                }
            }

            perAccount[a] = [.. rows];
        });

        var offsets = new int[accounts.Length + 1];
        for (var a = 0; a < accounts.Length; a++)
        {
            offsets[a + 1] = offsets[a] + perAccount[a].Length;
        }

        var count = offsets[^1];
        var width = builder.Schema.Count;
        var predictors = new double[(long)count * width];
        var chunk = new Chunk(new int[count], new int[count], new sbyte[count], new sbyte[count], new int[count], new int[count], new float[count]);

        // Pass 2 (parallel): predictors into pre-sized arrays at fixed positions, so the result does not depend on
        // thread scheduling.
        Parallel.For(0, accounts.Length, a =>
        {
            var rows = perAccount[a];
            for (var k = 0; k < rows.Length; k++)
            {
                var r = offsets[a] + k;
                chunk.Account[r] = accountOffset + a;
                chunk.Day[r] = rows[k].Day;
                chunk.Churn[r] = rows[k].Churn;
                chunk.NonRenewal[r] = rows[k].NonRenewal;
                chunk.ChurnKnown[r] = rows[k].Day + options.HorizonDays + options.GraceDays;
                chunk.RenewalKnown[r] = rows[k].RenewalKnown;
                chunk.Weight[r] = rows[k].Weight;
                builder.Compute(accounts[a], rows[k].Day, predictors.AsSpan(r * width, width));
            }
        });
        return (chunk, predictors);
    }

    private static sbyte Code(bool? label) => label switch
    {
        true => 1,
        false => 0,
        null => -1,
    };
}
