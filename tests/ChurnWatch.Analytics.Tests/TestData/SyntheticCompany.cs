using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Tests.TestData;

/// <summary>
/// A seeded synthetic company where churn is caused by usage decline: some accounts' usage falls over eight weeks,
/// and they cancel 90-150 days after it began (annual contracts at their next anniversary). A little churn is random noise.
/// </summary>
internal static class SyntheticCompany
{
    public static readonly DateOnly Start = new(2024, 1, 1); // a Monday
    public static readonly string[] Features = ["reports", "dashboards", "exports", "api"];
    private static readonly double[] FeatureWeights = [1.0, 0.6, 0.25, 0.1];
    private static readonly string[] Plans = ["Starter", "Team", "Business", "Enterprise"];

    public static CompanyHistory Generate(int accounts, int days, int seed, bool optionalEntities = true)
    {
        var random = new Random(seed);
        var dataAsOf = Instant(Start.AddDays(days));
        var accountList = new List<Account>();
        var subscriptions = new List<Subscription>();
        var usageDays = new List<FeatureUsageDay>();
        var usageWeeks = new List<UsageWeek>();
        var tickets = new List<Ticket>();
        var invoices = new List<Invoice>();
        var attempts = new List<PaymentAttempt>();

        for (var a = 0; a < accounts; a++)
        {
            var id = $"acc-{a:D5}";
            var startDay = a % 3 == 0 ? 0 : random.Next(0, days / 2);
            var seats = random.Next(5, 60);
            var annual = random.NextDouble() < 0.4;
            var plan = Plans[random.Next(Plans.Length)];
            var mrr = (decimal)(seats * (10 + (5 * Array.IndexOf(Plans, plan))));
            var started = Start.AddDays(startDay);

            int? declineDay = null;
            int? endDay = null;
            if (random.NextDouble() < 0.35)
            {
                declineDay = startDay + random.Next(60, Math.Max(61, days - startDay));
                var cancel = declineDay.Value + 90 + random.Next(0, 60);
                if (annual)
                {
                    // Annual contracts end at the first anniversary after the decision.
                    var anniversary = started;
                    while (anniversary.DayNumber - Start.DayNumber < cancel)
                    {
                        anniversary = anniversary.AddMonths(12);
                    }

                    cancel = anniversary.DayNumber - Start.DayNumber;
                }

                endDay = cancel;
            }
            else if (random.NextDouble() < 0.04)
            {
                endDay = startDay + random.Next(30, Math.Max(31, days - startDay));
            }

            if (endDay >= days)
            {
                endDay = null;
            }

            // Annual renewal dates are overwritten in place as sources do: today's value is the next one after now.
            DateOnly? renewal = null;
            if (annual)
            {
                var next = started.AddMonths(12);
                while (next.DayNumber - Start.DayNumber < Math.Min(endDay ?? days, days))
                {
                    next = next.AddMonths(12);
                }

                renewal = next;
            }

            accountList.Add(new Account(id, $"Account {a}", "am@example.com", seats > 30 ? "MidMarket" : "SMB", "EU", Instant(started), seats + 5));
            subscriptions.Add(new Subscription(
                $"sub-{a:D5}", id, plan, mrr, "EUR", annual ? 12 : 1, Instant(started),
                endDay is { } e ? Instant(Start.AddDays(e)) : null, renewal, true, seats));

            var baseUsers = seats * (0.4 + (0.5 * random.NextDouble()));
            var last = endDay ?? days;
            var weekEvents = 0L;
            for (var d = startDay; d < last; d++)
            {
                var factor = declineDay is { } dd && d >= dd ? Math.Max(0.08, 1 - (0.92 * (d - dd) / 56.0)) : 1.0;
                var users = baseUsers * factor * (0.8 + (0.4 * random.NextDouble()));
                var day = Start.AddDays(d);
                for (var f = 0; f < Features.Length; f++)
                {
                    if (d - startDay < 7 * f)
                    {
                        continue; // later features are adopted later
                    }

                    var featureUsers = (int)Math.Round(users * FeatureWeights[f] * 0.5);
                    if (featureUsers <= 0)
                    {
                        continue;
                    }

                    var events = featureUsers * (2 + random.Next(0, 4));
                    usageDays.Add(new FeatureUsageDay(id, Features[f], day, events, featureUsers));
                    weekEvents += events;
                }

                var monday = ObservationMonday(d);
                if (d == last - 1 || ObservationMonday(d + 1) != monday)
                {
                    var weekFactor = declineDay is { } wd && d >= wd ? Math.Max(0.08, 1 - (0.92 * (d - wd) / 56.0)) : 1.0;
                    usageWeeks.Add(new UsageWeek(id, UsageWeek.AllFeatures, Start.AddDays(monday), weekEvents, (int)Math.Round(baseUsers * weekFactor)));
                    weekEvents = 0;
                }
            }

            if (!optionalEntities)
            {
                continue;
            }

            for (var d = startDay + random.Next(0, 30); d < last; d += random.Next(10, 50))
            {
                var declining = declineDay is { } td && d >= td;
                var opened = Instant(Start.AddDays(d)).AddHours(random.Next(0, 24));
                var resolveAfter = declining ? random.Next(5, 40) : random.Next(0, 8);
                var resolved = opened.AddDays(resolveAfter);
                tickets.Add(new Ticket(
                    $"t-{a}-{d}", id, opened, resolved <= dataAsOf ? resolved : null,
                    declining && random.NextDouble() < 0.5 ? TicketPriority.Urgent : TicketPriority.Normal,
                    resolveAfter > 10 ? SupportTier.L2 : SupportTier.L1, resolveAfter > 14, random.Next(1, 6)));
            }

            for (var d = startDay; d < last; d += annual ? 365 : 30)
            {
                var issued = Instant(Start.AddDays(d));
                var due = issued.AddDays(14);
                var late = declineDay is { } id2 && d >= id2 ? random.Next(10, 60) : random.Next(-5, 3);
                var paid = due.AddDays(late);
                var invoiceId = $"inv-{a}-{d}";
                invoices.Add(new Invoice(invoiceId, id, issued, due, paid <= dataAsOf ? paid : null, mrr * (annual ? 12 : 1), "EUR", paid <= dataAsOf ? "paid" : "open"));
                if (late > 0)
                {
                    attempts.Add(new PaymentAttempt(id, invoiceId, due, false, "card_declined"));
                }

                if (paid <= dataAsOf)
                {
                    attempts.Add(new PaymentAttempt(id, invoiceId, paid, true, null));
                }
            }
        }

        return new CompanyHistory(
            accountList, subscriptions, usageDays, usageWeeks,
            optionalEntities ? tickets : null,
            optionalEntities ? invoices : null,
            optionalEntities ? attempts : null,
            dataAsOf);
    }

    public static DateTime Instant(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);

    private static int ObservationMonday(int dayOffset) => dayOffset - (dayOffset % 7); // Start is a Monday
}
