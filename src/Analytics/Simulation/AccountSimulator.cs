using System.Globalization;
using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Simulates one account week by week from its first subscription to churn or the end of the window.
/// </summary>
/// <remarks>
/// The account carries a latent weekly health (engagement). Events move it: onboarding that goes well or badly, the
/// champion leaving, incidents that leave urgent tickets unresolved. Health drives the number of active users and
/// their usage, so it shows in the data. Churn is decided only at contractual boundaries (month boundaries for
/// monthly contracts, the renewal date for annual ones) from what is observable before the boundary: usage level and
/// decline, long-open urgent tickets, payment trouble, poor onboarding, bad CSAT. A budget cut makes some healthy
/// accounts churn and the decision is a draw, so some unhealthy accounts stay: a perfect model cannot exist.
/// Seat demand grows with healthy usage; when users saturate the seats the account buys more (expansion).
/// </remarks>
internal sealed class AccountSimulator
{
    private const string Currency = "USD";
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly string[] CardFailures = ["card_declined", "insufficient_funds", "expired_card"];

    // NA is the home market: three in seven accounts.
    private static readonly string[] Regions = ["NA", "NA", "NA", "EMEA", "EMEA", "APAC", "LATAM"];

    private readonly Random _rng;
    private readonly int _index;
    private readonly string _accountId;
    private readonly DateTime _windowStart;
    private readonly DateTime _end;
    private readonly DateTime _priceRise;

    private readonly List<Subscription> _subscriptions = [];
    private readonly List<Ticket> _tickets = [];
    private readonly List<InvoiceDraft> _invoices = [];
    private readonly List<PaymentAttempt> _attempts = [];
    private readonly List<SimulatedUser> _users = [];
    private readonly List<float> _health = [];
    private readonly int[] _adoptionWeek = new int[SampleFeatures.All.Count];

    // Profile: fixed for the life of the account.
    private string _segment = "";
    private bool _annual;
    private bool _autoRenew;
    private bool _payByCard;
    private bool _slowPayer;
    private double _baseHealth;
    private bool _onboardedWell;
    private double _growth;
    private decimal _discount;

    // State.
    private DateTime _startedAt;
    private int _seats;
    private decimal _mrr;
    private DateTime _termStart;
    private DateOnly? _renewal;
    private double _currentHealth;
    private double _demand;
    private bool _championPresent = true;
    private bool _championReplaced;
    private bool _onboardingRescued;
    private int _incidentUntil = -1;
    private int _cardTroubleUntil = -1;
    private int _distressUntil = -1;
    private bool _budgetCut;
    private int _saturatedWeeks;
    private int _monthsBilled;
    private int _nextUserOrdinal = 1;
    private DateTime? _churnedAt;

    public AccountSimulator(int index, int seed, DateTime windowStart, DateTime end, DateTime priceRise)
    {
        _index = index;
        _rng = new Random(SeedMixer.Derive(seed, index, 1));
        _accountId = AccountIdFor(index);
        _end = end;
        _priceRise = priceRise;
        _windowStart = windowStart;
    }

    public static string AccountIdFor(int index) => "A" + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Runs the account and returns its timeline; <paramref name="owners"/> are the account managers.</summary>
    public SimulatedAccount Run(IReadOnlyList<string> owners)
    {
        var (createdAt, name, region, owner) = DrawProfile(owners);
        OpenFirstSubscription();

        var weeks = (int)Math.Ceiling((_end - _startedAt).TotalDays / 7.0);
        for (var w = 0; w < weeks && _churnedAt is null; w++)
        {
            SimulateWeek(w);
        }

        var lastSeats = _churnedAt is null ? _seats : 0;
        var account = new Account(_accountId, name, owner, _segment, region, createdAt, lastSeats);
        var invoices = _invoices.Select(i => i.Freeze(_end, Currency)).ToList();
        return new SimulatedAccount
        {
            Index = _index,
            Account = account,
            StartedAt = _startedAt,
            ChurnedAt = _churnedAt,
            Health = [.. _health],
            Users = _users,
            AdoptionWeek = _adoptionWeek,
            Subscriptions = _subscriptions,
            Tickets = _tickets,
            Invoices = invoices,
            PaymentAttempts = _attempts.Where(a => a.AttemptedAt < _end).ToList(),
        };
    }

    private (DateTime CreatedAt, string Name, string Region, string Owner) DrawProfile(IReadOnlyList<string> owners)
    {
        // More accounts early in the window: position = u^1.5 puts ~45% of them in its first 30%.
        var windowDays = Math.Max(1.0, (_end - _windowStart).TotalDays - 21.0);
        var day = Math.Floor(Math.Pow(_rng.NextDouble(), 1.5) * windowDays);
        var createdAt = _windowStart.AddDays(day).AddMinutes(_rng.Next(7 * 60, 19 * 60));
        // The first subscription starts at a midnight after the sign-up (the window keeps three weeks after the last one).
        _startedAt = createdAt.Date.AddDays(_rng.Next(1, 4));

        var s = _rng.NextDouble();
        _segment = s < 0.6 ? "SMB" : s < 0.9 ? "MidMarket" : "Enterprise";
        var region = _rng.Pick(Regions);
        var name = string.Join(' ', _rng.Pick(NameBook.CompanyWords), _rng.Pick(NameBook.CompanyTrades), _rng.Pick(NameBook.LegalForms));
        var owner = owners[_rng.Next(owners.Count)];

        (_seats, _annual, _payByCard, _onboardedWell) = _segment switch
        {
            "SMB" => (_rng.Next(2, 13), _rng.Chance(0.2), _rng.Chance(0.9), _rng.Chance(0.68)),
            "MidMarket" => (_rng.Next(12, 46), _rng.Chance(0.55), _rng.Chance(0.35), _rng.Chance(0.76)),
            _ => (_rng.Next(45, 151), _rng.Chance(0.9), false, _rng.Chance(0.85)),
        };
        _autoRenew = !_annual || _rng.Chance(0.7);
        _slowPayer = !_payByCard && _rng.Chance(0.2);
        _baseHealth = Math.Clamp(_rng.Normal(0.78, 0.12), 0.35, 1.0);
        _growth = _rng.Chance(0.25) ? _rng.Between(0.006, 0.015) : _rng.Between(0.0, 0.004);
        _discount = _segment == "Enterprise" ? decimal.Round((decimal)_rng.Between(0.0, 0.25), 2)
            : _segment == "MidMarket" && _rng.Chance(0.3) ? 0.10m : 0m;
        _demand = _seats * _rng.Between(0.45, 0.9);
        DrawAdoption();
        return (createdAt, name, region, owner);
    }

    private void DrawAdoption()
    {
        for (var f = 0; f < _adoptionWeek.Length; f++)
        {
            var feature = SampleFeatures.All[f];
            if (SampleFeatures.Key.Contains(feature))
            {
                // Onboarding is judged by the key features: a good one adopts them in the first weeks.
                _adoptionWeek[f] = _onboardedWell
                    ? (_rng.Chance(0.92) ? _rng.Next(0, 5) : 8 + (int)_rng.Exponential(20))
                    : (_rng.Chance(0.3) ? _rng.Next(2, 9) : int.MaxValue);
                continue;
            }

            var popularity = feature switch
            {
                "reports" => 0.75,
                "alerts" => 0.55,
                "exports" => 0.45,
                "comments" => 0.4,
                "mobile" => 0.3,
                "api" => _segment == "SMB" ? 0.1 : _segment == "MidMarket" ? 0.3 : 0.6,
                _ => _segment == "SMB" ? 0.05 : _segment == "MidMarket" ? 0.3 : 0.85, // sso
            };
            _adoptionWeek[f] = _rng.Chance(popularity) ? _rng.Next(1, 8) + (int)_rng.Exponential(8) : int.MaxValue;
        }
    }

    private void OpenFirstSubscription()
    {
        _termStart = _startedAt;
        _renewal = _annual ? DateOnly.FromDateTime(_startedAt.AddMonths(12)) : null;
        _mrr = PricePlan.Mrr(_seats, _startedAt >= _priceRise, _annual, _discount);
        _currentHealth = 0.25 * _baseHealth;
        AddSubscription(_startedAt);
        IssueContractInvoice(_startedAt, _annual ? _mrr * 12 : _mrr, 0);
    }

    private void SimulateWeek(int w)
    {
        var weekStart = _startedAt + (w * Week);
        DrawEvents(w);
        UpdateHealth(w, weekStart);
        var present = UpdateUsers(w);
        OpenTickets(w, weekStart, present);
        RetryAfterCardTrouble(w, weekStart);

        var boundaryHandled = false;
        var weekEnd = weekStart + Week;
        while (_churnedAt is null)
        {
            var boundary = NextBoundary();
            if (boundary >= weekEnd || boundary >= _end)
            {
                break;
            }

            HandleBoundary(w, boundary, present);
            boundaryHandled = true;
        }

        if (_churnedAt is null && !boundaryHandled)
        {
            ConsiderExpansion(w, weekStart, present);
        }
    }

    private void DrawEvents(int w)
    {
        if (_championPresent && w > 6 && _rng.Chance(0.0025))
        {
            _championPresent = false;
            foreach (var champion in _users.Where(u => u.IsChampion && u.IsPresentIn(w)))
            {
                champion.LeaveWeek = w;
            }
        }
        else if (!_championPresent && !_championReplaced && _rng.Chance(0.02))
        {
            // A new champion emerges: usage recovers most of the way.
            _championReplaced = true;
            _users.Add(new SimulatedUser(_nextUserOrdinal++, w, 1.4, isChampion: false));
        }

        if (!_onboardedWell && !_onboardingRescued && w >= 10 && _rng.Chance(0.03))
        {
            // Customer success steps in: the key features get adopted late.
            _onboardingRescued = true;
            for (var f = 0; f < _adoptionWeek.Length; f++)
            {
                if (SampleFeatures.Key.Contains(SampleFeatures.All[f]) && _adoptionWeek[f] > w)
                {
                    _adoptionWeek[f] = w + _rng.Next(1, 4);
                }
            }
        }

        if (w > _incidentUntil && _rng.Chance(0.004))
        {
            _incidentUntil = w + _rng.Next(2, 6);
        }

        if (_payByCard && w > _cardTroubleUntil && _rng.Chance(_segment == "SMB" ? 0.0035 : 0.002))
        {
            _cardTroubleUntil = w + _rng.Next(3, 11);
        }

        if (!_payByCard && w > _distressUntil && _rng.Chance(0.0015))
        {
            _distressUntil = w + _rng.Next(6, 15);
        }

        if (!_budgetCut && _rng.Chance(0.0006))
        {
            _budgetCut = true;
        }
    }

    private void UpdateHealth(int w, DateTime weekStart)
    {
        var ramp = Math.Min(1.0, (w + 1) / (_onboardedWell ? 5.0 : 12.0));
        var onboarding = _onboardedWell || _onboardingRescued ? 1.0 : 0.6;
        var champion = _championPresent ? 1.0 : _championReplaced ? 0.9 : 0.5;
        var stuckTickets = _tickets.Count(t => t.Priority >= TicketPriority.High
            && t.OpenedAt < weekStart.AddDays(-7) && t.IsOpenAt(weekStart));
        var penalty = Math.Min(0.3, 0.09 * stuckTickets) + (w <= _incidentUntil ? 0.08 : 0.0);
        var target = (_baseHealth * (0.3 + (0.7 * ramp)) * onboarding * champion) - penalty;
        _currentHealth = Math.Clamp(_currentHealth + (0.3 * (target - _currentHealth)) + _rng.Normal(0, 0.035), 0.03, 1.0);
        _health.Add((float)_currentHealth);
    }

    private int UpdateUsers(int w)
    {
        // Healthy teams bring more colleagues in; disengaged ones drift away.
        _demand *= 1.0 + (_growth * ((2.0 * _currentHealth) - 0.8)) + _rng.Normal(0, 0.004);
        _demand = Math.Max(1.0, _demand);

        foreach (var user in _users)
        {
            if (user.IsPresentIn(w) && !user.IsChampion && _rng.Chance(0.003))
            {
                user.LeaveWeek = w;
            }
        }

        var present = _users.Count(u => u.IsPresentIn(w));
        var ramp = Math.Min(1.0, (w + 1) / 4.0);
        var target = Math.Min(_seats, Math.Max(1, (int)Math.Round(_demand * ramp)));
        while (present < target)
        {
            var champion = _users.Count == 0;
            _users.Add(new SimulatedUser(_nextUserOrdinal++, w, champion ? 1.5 : _rng.Between(0.25, 1.2), champion));
            present++;
        }

        present = TrimUsers(w, target, present);
        return present;
    }

    private int TrimUsers(int w, int target, int present)
    {
        if (present <= target)
        {
            return present;
        }

        // The lightest users go first when the team shrinks or seats are cut.
        foreach (var user in _users.Where(u => u.IsPresentIn(w) && !u.IsChampion).OrderBy(u => u.Propensity).ToList())
        {
            if (present <= target)
            {
                break;
            }

            user.LeaveWeek = w;
            present--;
        }

        return present;
    }

    private void OpenTickets(int w, DateTime weekStart, int present)
    {
        var incident = w <= _incidentUntil;
        var lambda = 0.04 + (0.015 * Math.Sqrt(present)) + (0.05 * (1.0 - _currentHealth))
            + (!_onboardedWell && !_onboardingRescued && w < 16 ? 0.12 : 0.0) + (incident ? 0.6 : 0.0);
        var count = _rng.Poisson(lambda);
        for (var i = 0; i < count; i++)
        {
            var openedAt = weekStart.AddMinutes(_rng.Next(0, 7 * 24 * 60));
            if (openedAt >= _end)
            {
                continue;
            }

            var p = _rng.NextDouble();
            var priority = incident
                ? (p < 0.35 ? TicketPriority.Urgent : p < 0.7 ? TicketPriority.High : p < 0.95 ? TicketPriority.Normal : TicketPriority.Low)
                : (p < 0.05 ? TicketPriority.Urgent : p < 0.2 ? TicketPriority.High : p < 0.72 ? TicketPriority.Normal : TicketPriority.Low);
            var t = _rng.NextDouble();
            var (l2, l3) = priority switch
            {
                TicketPriority.Urgent => (0.2, 0.65),
                TicketPriority.High => (0.4, 0.8),
                TicketPriority.Normal => (0.65, 0.93),
                _ => (0.8, 0.98),
            };
            var tier = t < l2 ? SupportTier.L1 : t < l3 ? SupportTier.L2 : SupportTier.L3;
            var medianHours = priority switch
            {
                TicketPriority.Urgent => 6.0,
                TicketPriority.High => 20.0,
                TicketPriority.Normal => 48.0,
                _ => 96.0,
            } * (tier == SupportTier.L1 ? 1.0 : tier == SupportTier.L2 ? 2.2 : 4.5);
            var hours = medianHours * Math.Exp(_rng.Normal(0, 0.8));
            if (priority >= TicketPriority.High && _rng.Chance(incident ? 0.3 : 0.06))
            {
                hours = _rng.Between(15, 70) * 24; // stuck: waits on engineering for weeks
            }

            var resolvedAt = openedAt.AddMinutes(Math.Max(5, Math.Round(hours * 60)));
            var slaHours = priority switch
            {
                TicketPriority.Urgent => 24.0,
                TicketPriority.High => 72.0,
                TicketPriority.Normal => 168.0,
                _ => 336.0,
            };
            var resolved = resolvedAt < _end ? resolvedAt : (DateTime?)null;
            var breached = ((resolved ?? _end) - openedAt).TotalHours > slaHours;
            int? csat = resolved is not null && _rng.Chance(0.55)
                ? (int)Math.Clamp(Math.Round(_rng.Normal(breached ? 2.2 : 4.3, 0.8)), 1, 5)
                : null;
            var id = "T-" + _accountId[1..] + "-" + (_tickets.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            _tickets.Add(new Ticket(id, _accountId, openedAt, resolved, priority, tier, breached, csat));
        }
    }

    private DateTime NextBoundary() => _annual
        ? _renewal!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
        : _startedAt.AddMonths(_monthsBilled + 1);

    private void HandleBoundary(int w, DateTime boundary, int present)
    {
        var p = ChurnProbability(w, boundary);
        if (_rng.Chance(p))
        {
            Churn(w, boundary);
            return;
        }

        _budgetCut = false;
        var utilisation = present / (double)_seats;
        var seats = _seats;
        if (_annual)
        {
            // Renewal: seats are trued up to demand or down to the users actually there.
            if (present >= 0.9 * _seats && _demand > _seats && _currentHealth > 0.45)
            {
                seats = (int)Math.Ceiling(_demand * _rng.Between(1.1, 1.3));
            }
            else if (utilisation < 0.7 && _rng.Chance(0.6))
            {
                seats = Math.Max(1, (int)Math.Ceiling(present * 1.1));
            }

            _termStart = boundary;
            _renewal = DateOnly.FromDateTime(boundary.AddMonths(12));
            ReplaceSubscription(boundary, seats, newTerm: true);
            TrimUsers(w, _seats, present);
            IssueContractInvoice(boundary, _mrr * 12, w);
            return;
        }

        _monthsBilled++;
        if (utilisation < 0.6 && _seats > 1 && _rng.Chance(_currentHealth < 0.4 ? 0.25 : 0.06))
        {
            seats = Math.Max(1, (int)Math.Ceiling(present * 1.1));
        }

        if (seats != _seats)
        {
            ReplaceSubscription(boundary, seats, newTerm: false);
            TrimUsers(w, _seats, present);
        }

        IssueContractInvoice(boundary, _mrr, w);
    }

    private double ChurnProbability(int w, DateTime boundary)
    {
        // Usage against the account's own recent best: a champion leaving shows as a drop, whatever the level.
        var recent = MeanHealth(w - 3, w);
        var peak = recent;
        for (var k = 1; k <= 5; k++)
        {
            peak = Math.Max(peak, MeanHealth(w - 3 - (4 * k), w - (4 * k), recent));
        }

        // Week-to-week wobble is not a drop: only a fall of more than 15% from the recent best counts.
        var drop = Math.Max(0.0, (Math.Max(0.0, peak - recent) / Math.Max(0.05, peak)) - 0.15);
        var lowUsage = Math.Max(0.0, 0.45 - recent) / 0.45;
        var stuckUrgent = Math.Min(2, _tickets.Count(t => t.Priority >= TicketPriority.High
            && t.OpenedAt < boundary.AddDays(-14) && t.IsOpenAt(boundary)));
        var paymentTrouble = _attempts.Any(a => !a.Succeeded && a.AttemptedAt < boundary && a.AttemptedAt >= boundary.AddDays(-60))
            || _invoices.Any(i => i.DueAt < boundary.AddDays(-30) && i.IsUnpaidAt(boundary));
        var keyAdopted = SampleFeatures.Key.Count(k => _adoptionWeek[IndexOf(k)] <= w);
        var poorOnboarding = keyAdopted < 2 && w < 30;
        var ratings = _tickets.Where(t => t.Csat is not null && t.ResolvedAt < boundary && t.ResolvedAt >= boundary.AddDays(-90))
            .Select(t => t.Csat!.Value).ToList();
        var unhappy = ratings.Count >= 2 && ratings.Average() <= 2.5;

        var risk = (4.0 * drop) + (1.5 * lowUsage) + (0.7 * stuckUrgent) + (paymentTrouble ? 1.2 : 0.0)
            + (poorOnboarding ? 0.8 : 0.0) + (unhappy ? 0.4 : 0.0);
        var p = _annual
            ? Math.Min(0.9, 0.02 + (0.3 * risk) + (_autoRenew ? 0.0 : 0.05))
            : Math.Min(0.6, 0.002 + (0.1 * Math.Pow(risk, 1.5)));
        if (_invoices.Any(i => i.DueAt < boundary.AddDays(-45) && i.IsUnpaidAt(boundary)))
        {
            p = Math.Max(p, 0.6); // involuntary churn: the account is cut off for non-payment
        }

        return _budgetCut ? Math.Max(p, 0.7) : p;
    }

    private double MeanHealth(int from, int to, double fallback = 0.0)
    {
        from = Math.Max(0, from);
        to = Math.Min(_health.Count - 1, to);
        if (to < from)
        {
            return fallback;
        }

        var sum = 0.0;
        for (var i = from; i <= to; i++)
        {
            sum += _health[i];
        }

        return sum / (to - from + 1);
    }

    private static int IndexOf(string feature)
    {
        for (var i = 0; i < SampleFeatures.All.Count; i++)
        {
            if (SampleFeatures.All[i] == feature)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown feature.");
    }

    private void Churn(int w, DateTime at)
    {
        _churnedAt = at;
        CloseSubscription(at);
        foreach (var invoice in _invoices.Where(i => i.IsUnpaidAt(at)))
        {
            // Dunning failed or the customer stopped paying: the balance is written off when they leave.
            // A customer in good standing still pays its last invoice after leaving.
            if (invoice.PaidAt is null || w <= _distressUntil || (at - invoice.DueAt).TotalDays > 30)
            {
                invoice.PaidAt = null;
                invoice.Voided = true;
                _attempts.RemoveAll(a => a.InvoiceId == invoice.InvoiceId && a.AttemptedAt >= at);
            }
        }
    }

    private void ConsiderExpansion(int w, DateTime weekStart, int present)
    {
        var saturated = present >= 0.9 * _seats && _demand > _seats;
        _saturatedWeeks = saturated ? _saturatedWeeks + 1 : 0;
        if (_saturatedWeeks < 2 || _currentHealth < 0.45 || w <= _cardTroubleUntil || !_rng.Chance(0.2))
        {
            return;
        }

        var at = weekStart.AddDays(_rng.Next(1, 7));
        var current = _subscriptions[^1];
        if (at >= _end || at <= current.StartedAt)
        {
            return;
        }

        var seats = Math.Max(_seats + 1, (int)Math.Ceiling(_demand * _rng.Between(1.15, 1.4)));
        var oldMrr = _mrr;
        ReplaceSubscription(at, seats, newTerm: false);
        _saturatedWeeks = 0;
        if (_annual)
        {
            // Co-termed: the added seats are invoiced pro rata up to the renewal date.
            var monthsLeft = Math.Max(1, (int)Math.Ceiling((_renewal!.Value.ToDateTime(TimeOnly.MinValue) - at).TotalDays / 30.44));
            IssueContractInvoice(at, (_mrr - oldMrr) * monthsLeft, w);
        }
    }

    private void ReplaceSubscription(DateTime at, int seats, bool newTerm)
    {
        CloseSubscription(at);
        _seats = seats;
        var signed = newTerm ? at : _termStart;
        _mrr = PricePlan.Mrr(seats, signed >= _priceRise, _annual, _discount);
        AddSubscription(at);
    }

    private void AddSubscription(DateTime at)
    {
        var id = "S-" + _accountId[1..] + "-" + (_subscriptions.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        _subscriptions.Add(new Subscription(
            id, _accountId, PricePlan.ForSeats(_seats).Name, _mrr, Currency, _annual ? 12 : 1, at, null, _renewal, _autoRenew, _seats));
    }

    private void CloseSubscription(DateTime at)
    {
        var current = _subscriptions[^1];
        _subscriptions[^1] = current with { EndedAt = at < _end ? at : null };
    }

    private void IssueContractInvoice(DateTime issuedAt, decimal amount, int w)
    {
        if (issuedAt >= _end || amount <= 0m)
        {
            return;
        }

        var id = "INV-" + _accountId[1..] + "-" + (_invoices.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        if (_payByCard)
        {
            var invoice = new InvoiceDraft(id, _accountId, issuedAt, issuedAt, amount);
            _invoices.Add(invoice);
            var trouble = w <= _cardTroubleUntil;
            foreach (var offset in new[] { 0, 3, 7, 14 })
            {
                var at = issuedAt.AddDays(offset).AddMinutes(_rng.Next(0, 120));
                if (_rng.Chance(trouble ? 0.12 : 0.97))
                {
                    invoice.PaidAt = at;
                    _attempts.Add(new PaymentAttempt(_accountId, id, at, true, null));
                    return;
                }

                _attempts.Add(new PaymentAttempt(_accountId, id, at, false, _rng.Pick(CardFailures)));
            }

            return;
        }

        var dueAt = issuedAt.AddDays(30);
        var invoiced = new InvoiceDraft(id, _accountId, issuedAt, dueAt, amount);
        _invoices.Add(invoiced);
        var delayDays = w <= _distressUntil ? _rng.Between(50, 110)
            : _slowPayer ? _rng.Between(3, 45)
            : Math.Clamp(_rng.Normal(-4, 6), -25, 12);
        var paidAt = dueAt.AddDays(delayDays);
        invoiced.PaidAt = paidAt > issuedAt ? paidAt : issuedAt.AddHours(6);
        _attempts.Add(new PaymentAttempt(_accountId, id, invoiced.PaidAt.Value, true, null));
    }

    private void RetryAfterCardTrouble(int w, DateTime weekStart)
    {
        if (!_payByCard || w <= _cardTroubleUntil)
        {
            return;
        }

        // Only invoices whose dunning run (four attempts over two weeks) is over.
        foreach (var invoice in _invoices.Where(i => i.PaidAt is null && !i.Voided && i.IssuedAt.AddDays(15) < weekStart))
        {
            // The customer fixed the card: the dunning run collects the balance.
            var at = weekStart.AddDays(1).AddMinutes(_rng.Next(0, 600));
            invoice.PaidAt = at;
            _attempts.Add(new PaymentAttempt(_accountId, invoice.InvoiceId, at, true, null));
        }
    }
}
