using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Generates a deterministic sample B2B SaaS company: accounts, subscriptions, tickets, invoices, payment attempts
/// and a lazy stream of usage events, in the shape of the source contract.
/// </summary>
/// <remarks>
/// Each account is simulated from its own seed derived from <see cref="SampleCompanyOptions.Seed"/>, so the same
/// options always give the same company. Churn and expansion are caused by behaviour that shows in the data before
/// they happen; see <c>samples/README.md</c> for the causes.
/// </remarks>
public sealed class SampleCompanyGenerator
{
    private readonly SampleCompanyOptions _options;

    /// <summary>Creates a generator; throws <see cref="ArgumentOutOfRangeException"/> when an option is out of range.</summary>
    public SampleCompanyGenerator(SampleCompanyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Simulates every account. Usage events are generated later, each time the stream is enumerated.</summary>
    public SampleCompany Generate()
    {
        var start = _options.WindowStart;
        var end = _options.WindowEnd;

        // The list price rises half way through the window: older contracts keep the old price point.
        var priceRise = start.AddDays(Math.Floor((end - start).TotalDays / 2));
        var owners = AccountManagers();
        var timelines = new SimulatedAccount[_options.Accounts];
        for (var i = 0; i < timelines.Length; i++)
        {
            timelines[i] = new AccountSimulator(i, _options.Seed, start, end, priceRise, _options.Tunables).Run(owners);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<Account>(timelines.Length);
        foreach (var timeline in timelines)
        {
            // Names come from word lists; a number tells the rare namesakes apart.
            var account = timeline.Account;
            var name = account.Name;
            for (var n = 2; !names.Add(name); n++)
            {
                name = account.Name + " " + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            accounts.Add(account with { Name = name });
        }

        var company = new SampleCompany(
            _options,
            accounts,
            timelines.SelectMany(t => t.Subscriptions).ToList(),
            timelines.SelectMany(t => t.Tickets).ToList(),
            timelines.SelectMany(t => t.Invoices).ToList(),
            timelines.SelectMany(t => t.PaymentAttempts).ToList(),
            new UsageEventStream(timelines, _options.Seed, end, _options.Tunables.Usage));
        return _options.Profile == SampleProfile.SelfServe ? SelfServe(company) : company;
    }

    /// <summary>
    /// The same company as a self-serve business: monthly plans without renewal dates, one seat (none for an account
    /// that has left), no tickets, invoices or payment attempts. Reshaped after the simulation, so the random draws,
    /// the accounts, their usage and when they leave are those of the default profile.
    /// </summary>
    private static SampleCompany SelfServe(SampleCompany company) => company with
    {
        Accounts = [.. company.Accounts.Select(a => a with { SeatsLicensed = Math.Min(a.SeatsLicensed, 1) })],
        Subscriptions = [.. company.Subscriptions.Select(s => s with { BillingPeriodMonths = 1, RenewalDate = null, Seats = 1 })],
        Tickets = [],
        Invoices = [],
        PaymentAttempts = [],
    };

    private List<string> AccountManagers()
    {
        // About one account manager per 200 accounts, at least one.
        var count = Math.Max(1, (int)Math.Round(_options.Accounts / 200.0));
        var rng = new Random(SeedMixer.Derive(_options.Seed, 0, 0));
        var emails = new List<string>(count);
        while (emails.Count < count)
        {
            var person = rng.Pick(NameBook.FirstNames) + "." + rng.Pick(NameBook.LastNames);
            var email = person + "@churnwatch-sample.example";
            if (emails.Contains(email))
            {
                // Namesakes get a number, as mail systems do.
                email = person + emails.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@churnwatch-sample.example";
            }

            emails.Add(email);
        }

        return emails;
    }
}
