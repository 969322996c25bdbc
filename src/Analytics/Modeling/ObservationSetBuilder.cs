using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Builds labelled observations: every account active at each observation date, with both targets' labels.</summary>
internal static class ObservationSetBuilder
{
    /// <summary>The observation dates: Mondays every interval from the warm-up's end while any label can be known.</summary>
    public static IReadOnlyList<DateOnly> ObservationDates(CompanyTimeline timeline, ModelingOptions options)
    {
        var history = timeline.History;
        var firstData = timeline.UsageStartDay
            ?? timeline.Timelines.Where(a => a.FirstStartDay is not null).Select(a => a.FirstStartDay!.Value).DefaultIfEmpty(int.MaxValue).Min();
        if (firstData == int.MaxValue)
        {
            return [];
        }

        var dates = new List<DateOnly>();
        for (var day = ObservationCalendar.MondayOnOrAfter(firstData + options.WarmUpDays);
             ObservationCalendar.Instant(day).AddDays(options.GraceDays) <= history.DataAsOf;
             day += options.ObservationIntervalDays)
        {
            dates.Add(DateOnly.FromDayNumber(day));
        }

        return dates;
    }

    public static ObservationSet Build(FeatureBuilder builder, ModelingOptions options)
    {
        var timeline = builder.Timeline;
        var dataAsOf = timeline.History.DataAsOf;
        var dates = ObservationDates(timeline, options);
        var accounts = timeline.Timelines;

        // Pass 1 (parallel): which (account, date) rows exist and their labels; each account writes only its slot.
        var perAccount = new (int Day, sbyte Churn, sbyte NonRenewal, int RenewalKnown)[accounts.Length][];
        Parallel.For(0, accounts.Length, a =>
        {
            var account = accounts[a];
            var churnDates = ChurnEvents.Find(account.Subscriptions, dataAsOf, options.GraceDays);
            var rows = new List<(int, sbyte, sbyte, int)>();
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
                rows.Add((date.DayNumber, Code(churn), Code(renewal), renewalKnown));
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
        var accountOf = new int[count];
        var dayOf = new int[count];
        var churnLabels = new sbyte[count];
        var renewalLabels = new sbyte[count];
        var churnKnown = new int[count];
        var renewalKnown = new int[count];
        var features = new double[(long)count * width];

        // Pass 2 (parallel): features into pre-sized arrays at fixed positions, so the result does not depend on
        // thread scheduling.
        Parallel.For(0, accounts.Length, a =>
        {
            var rows = perAccount[a];
            for (var k = 0; k < rows.Length; k++)
            {
                var r = offsets[a] + k;
                accountOf[r] = a;
                dayOf[r] = rows[k].Day;
                churnLabels[r] = rows[k].Churn;
                renewalLabels[r] = rows[k].NonRenewal;
                churnKnown[r] = rows[k].Day + options.HorizonDays + options.GraceDays;
                renewalKnown[r] = rows[k].RenewalKnown;
                builder.Compute(accounts[a], rows[k].Day, features.AsSpan(r * width, width));
            }
        });

        return new ObservationSet(builder.Schema.Names, accountOf, dayOf, features, churnLabels, renewalLabels, churnKnown, renewalKnown)
        {
            CountLike = builder.Schema.Definitions.Where(d => d.IsCountLike).Select(d => d.Name).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static sbyte Code(bool? label) => label switch
    {
        true => 1,
        false => 0,
        null => -1,
    };
}
