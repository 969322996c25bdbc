using System.Text;
using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// Which labelled observation rows train the models when there are more than <see cref="ModelingOptions.MaxTrainingRows"/>:
/// every row where something happened (the account churned, or did not renew, in the row's window), every row of the
/// backtest's test period, and a fixed share of the other rows, each of those weighted by one over that share.
/// </summary>
/// <remarks>
/// The weights keep the learners' view of the base rate: a weighted sample of negatives sums to the negatives it
/// stands for, so the trained probabilities need no correction (the backtest's calibration table, on the unsampled
/// test period, shows it). Which row is kept depends only on the account, the date and the seed (a hash), never on
/// the order the rows are built in, so a company read one batch of accounts at a time gives the same sample as one
/// read whole.
/// </remarks>
public sealed class TrainingSample
{
    private TrainingSample(double negativeRate, int unsampledFromDay, int seed, long rows, long keptRows)
    {
        NegativeRate = negativeRate;
        UnsampledFromDay = unsampledFromDay;
        Seed = seed;
        Rows = rows;
        ExpectedRows = keptRows;
    }

    /// <summary>The share of negative rows (nothing happened) before the test period that is kept; 1 keeps all.</summary>
    public double NegativeRate { get; }

    /// <summary>Rows on or after this day (the backtest's test period, as late as it can start) are all kept.</summary>
    public int UnsampledFromDay { get; }

    /// <summary>The seed of the row hash.</summary>
    public int Seed { get; }

    /// <summary>Labelled observation rows in the company.</summary>
    public long Rows { get; }

    /// <summary>Rows the sample keeps, expected.</summary>
    public long ExpectedRows { get; }

    /// <summary>Every row kept with weight 1.</summary>
    public static TrainingSample All { get; } = new(1.0, int.MinValue, 0, 0, 0);

    /// <summary>
    /// Counts the labelled rows of every account (labels need subscriptions only, so <paramref name="ledger"/> may hold
    /// no usage) and chooses the negative rate that keeps about <see cref="ModelingOptions.MaxTrainingRows"/> rows
    /// before the test period.
    /// </summary>
    public static TrainingSample Plan(CompanyTimeline ledger, IReadOnlyList<DateOnly> dates, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(options);
        var unsampledFrom = UnsampledFrom(dates, options, ledger.Shape.DataAsOf);
        var accounts = ledger.Timelines;
        var positive = new long[accounts.Length];
        var negative = new long[accounts.Length];
        var late = new long[accounts.Length];
        Parallel.For(0, accounts.Length, a =>
        {
            foreach (var row in ObservationSetBuilder.LabelledRows(accounts[a], dates, options, ledger.Shape.DataAsOf))
            {
                if (row.Day >= unsampledFrom)
                {
                    late[a]++;
                }
                else if (row.Churn == 1 || row.NonRenewal == 1)
                {
                    positive[a]++;
                }
                else
                {
                    negative[a]++;
                }
            }
        });

        long positives = positive.Sum(), negatives = negative.Sum(), lateRows = late.Sum();
        var rows = positives + negatives + lateRows;
        if (positives + negatives <= options.MaxTrainingRows || negatives == 0)
        {
            return new TrainingSample(1.0, unsampledFrom, options.Seed, rows, rows);
        }

        // Room left for negatives after every positive; never fewer negatives than positives, so a company with
        // many churns still trains on both outcomes in proportion.
        var rate = Math.Max((options.MaxTrainingRows - positives) / (double)negatives, Math.Min(1.0, positives / (double)negatives));
        rate = Math.Clamp(rate, 1e-6, 1.0);
        return new TrainingSample(rate, unsampledFrom, options.Seed, rows, positives + lateRows + (long)Math.Round(negatives * rate));
    }

    /// <summary>
    /// The row's training weight: 0 when the sample leaves it out, 1 when kept whole, 1 / rate for a sampled negative.
    /// </summary>
    public double WeightOf(string accountId, int day, bool happened)
    {
        if (NegativeRate >= 1.0 || happened || day >= UnsampledFromDay)
        {
            return 1.0;
        }

        return Uniform(accountId, day, Seed) < NegativeRate ? 1.0 / NegativeRate : 0.0;
    }

    /// <summary>
    /// The first day the backtest's test period can cover: the last date whose churn label can be known, less the test
    /// period. The renewal target's labels run later, so its test period starts after it too.
    /// </summary>
    private static int UnsampledFrom(IReadOnlyList<DateOnly> dates, ModelingOptions options, DateTime dataAsOf)
    {
        var lastChurnLabel = dates
            .Where(d => ObservationCalendar.Instant(d.DayNumber + options.HorizonDays + options.GraceDays) <= dataAsOf)
            .Select(d => (int?)d.DayNumber)
            .LastOrDefault();
        return lastChurnLabel is { } last ? last - options.BacktestTestDays : int.MinValue;
    }

    /// <summary>A uniform number in [0, 1) from the account, the day and the seed: FNV-1a, then SplitMix64's finaliser.</summary>
    internal static double Uniform(string accountId, int day, int seed)
    {
        // Hashes wrap around by design: unchecked, whatever the project's overflow checking.
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(accountId))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            hash ^= ((ulong)(uint)day << 32) | (uint)seed;
            hash += 0x9E3779B97F4A7C15UL;
            hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
            hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
            hash ^= hash >> 31;
            return (hash >> 11) * (1.0 / (1UL << 53));
        }
    }
}
