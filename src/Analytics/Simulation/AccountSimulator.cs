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

    private readonly SimulationTunables _tunables;
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
    private SegmentTunables _segmentTunables = SimulationTunables.Default.Smb;
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

    public AccountSimulator(int index, int seed, DateTime windowStart, DateTime end, DateTime priceRise, SimulationTunables tunables)
    {
        _tunables = tunables;
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
        // More accounts early in the window: position = u^skew (1.5 by default puts ~45% of them in its first 30%).
        var a = _tunables.Accounts;
        var windowDays = Math.Max(1.0, (_end - _windowStart).TotalDays - a.SignupMarginDays);
        var day = Math.Floor(Math.Pow(_rng.NextDouble(), a.SignupSkew) * windowDays);
        var createdAt = _windowStart.AddDays(day).AddMinutes(_rng.Next(a.SignupFirstHour * 60, a.SignupLastHour * 60));
        // The first subscription starts at a midnight after the sign-up (the window keeps three weeks after the last one).
        _startedAt = createdAt.Date.AddDays(_rng.Next(a.StartDelayMinDays, a.StartDelayMaxDaysExclusive));

        var s = _rng.NextDouble();
        _segment = s < _tunables.SmbUpTo ? SampleSegments.Smb : s < _tunables.MidMarketUpTo ? SampleSegments.MidMarket : SampleSegments.Enterprise;
        var segment = _segmentTunables = _tunables.ForSegment(_segment);
        var region = _rng.Pick(a.Regions);
        var name = string.Join(' ', _rng.Pick(NameBook.CompanyWords), _rng.Pick(NameBook.CompanyTrades), _rng.Pick(NameBook.LegalForms));
        var owner = owners[_rng.Next(owners.Count)];

        // In this order: seats, annual, card (not drawn when the segment never pays by card), onboarding.
        _seats = _rng.Next(segment.SeatsMin, segment.SeatsMaxExclusive);
        _annual = _rng.Chance(segment.AnnualChance);
        _payByCard = segment.PayByCardChance > 0 && _rng.Chance(segment.PayByCardChance);
        _onboardedWell = _rng.Chance(segment.WellOnboardedChance);
        _autoRenew = !_annual || _rng.Chance(a.AutoRenewChance);
        _slowPayer = !_payByCard && _rng.Chance(a.SlowPayerChance);
        _baseHealth = Math.Clamp(_rng.Normal(a.BaseHealthMean, a.BaseHealthSd), a.BaseHealthMin, 1.0);
        _growth = _rng.Chance(a.GrowingChance) ? _rng.Between(a.GrowingRateMin, a.GrowingRateMax) : _rng.Between(0.0, a.SteadyRateMax);
        _discount = segment.NegotiatedDiscountMax > 0 ? decimal.Round((decimal)_rng.Between(0.0, segment.NegotiatedDiscountMax), 2)
            : segment.StandardDiscountChance > 0 && _rng.Chance(segment.StandardDiscountChance) ? segment.StandardDiscount : 0m;
        _demand = _seats * _rng.Between(a.InitialDemandMin, a.InitialDemandMax);
        DrawAdoption();
        return (createdAt, name, region, owner);
    }

    private void DrawAdoption()
    {
        var onboarding = _tunables.Onboarding;
        var adoption = _tunables.Adoption;
        for (var f = 0; f < _adoptionWeek.Length; f++)
        {
            var feature = SampleFeatures.All[f];
            if (SampleFeatures.Key.Contains(feature))
            {
                // Onboarding is judged by the key features: a good one adopts them in the first weeks.
                _adoptionWeek[f] = _onboardedWell
                    ? (_rng.Chance(onboarding.WellKeyAdoptionChance)
                        ? _rng.Next(0, onboarding.WellKeyAdoptionWeeksExclusive)
                        : onboarding.WellLateAdoptionFromWeek + (int)_rng.Exponential(onboarding.WellLateAdoptionMeanWeeks))
                    : (_rng.Chance(onboarding.PoorKeyAdoptionChance)
                        ? _rng.Next(onboarding.PoorKeyAdoptionFromWeek, onboarding.PoorKeyAdoptionUntilWeekExclusive)
                        : int.MaxValue);
                continue;
            }

            var popularity = feature switch
            {
                "reports" => adoption.Reports,
                "alerts" => adoption.Alerts,
                "exports" => adoption.Exports,
                "comments" => adoption.Comments,
                "mobile" => adoption.Mobile,
                "api" => _segmentTunables.ApiAdoptionChance,
                _ => _segmentTunables.SsoAdoptionChance, // sso
            };
            _adoptionWeek[f] = _rng.Chance(popularity)
                ? _rng.Next(adoption.FromWeek, adoption.UntilWeekExclusive) + (int)_rng.Exponential(adoption.ExtraDelayMeanWeeks)
                : int.MaxValue;
        }
    }

    private void OpenFirstSubscription()
    {
        _termStart = _startedAt;
        _renewal = _annual ? DateOnly.FromDateTime(_startedAt.AddMonths(12)) : null;
        _mrr = PricePlan.Mrr(_seats, _startedAt >= _priceRise, _annual, _discount);
        _currentHealth = _tunables.Health.InitialShareOfBase * _baseHealth;
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
        var events = _tunables.Events;
        if (_championPresent && w > events.ChampionSafeWeeks && _rng.Chance(events.ChampionLeavesChancePerWeek))
        {
            _championPresent = false;
            foreach (var champion in _users.Where(u => u.IsChampion && u.IsPresentIn(w)))
            {
                champion.LeaveWeek = w;
            }
        }
        else if (!_championPresent && !_championReplaced && _rng.Chance(events.NewChampionChancePerWeek))
        {
            // A new champion emerges: usage recovers most of the way.
            _championReplaced = true;
            _users.Add(new SimulatedUser(_nextUserOrdinal++, w, events.NewChampionPropensity, isChampion: false));
        }

        var onboarding = _tunables.Onboarding;
        if (!_onboardedWell && !_onboardingRescued && w >= onboarding.RescueFromWeek && _rng.Chance(onboarding.RescueChancePerWeek))
        {
            // Customer success steps in: the key features get adopted late.
            _onboardingRescued = true;
            for (var f = 0; f < _adoptionWeek.Length; f++)
            {
                if (SampleFeatures.Key.Contains(SampleFeatures.All[f]) && _adoptionWeek[f] > w)
                {
                    _adoptionWeek[f] = w + _rng.Next(1, onboarding.RescueAdoptionWeeksExclusive);
                }
            }
        }

        if (w > _incidentUntil && _rng.Chance(events.IncidentChancePerWeek))
        {
            _incidentUntil = w + _rng.Next(events.IncidentMinWeeks, events.IncidentMaxWeeksExclusive);
        }

        if (_payByCard && w > _cardTroubleUntil && _rng.Chance(_segmentTunables.CardTroubleChancePerWeek))
        {
            _cardTroubleUntil = w + _rng.Next(events.CardTroubleMinWeeks, events.CardTroubleMaxWeeksExclusive);
        }

        if (!_payByCard && w > _distressUntil && _rng.Chance(events.DistressChancePerWeek))
        {
            _distressUntil = w + _rng.Next(events.DistressMinWeeks, events.DistressMaxWeeksExclusive);
        }

        if (!_budgetCut && _rng.Chance(events.BudgetCutChancePerWeek))
        {
            _budgetCut = true;
        }
    }

    private void UpdateHealth(int w, DateTime weekStart)
    {
        var health = _tunables.Health;
        var ramp = Math.Min(1.0, (w + 1) / (_onboardedWell ? _tunables.Onboarding.RampWeeksWell : _tunables.Onboarding.RampWeeksPoor));
        var onboarding = _onboardedWell || _onboardingRescued ? 1.0 : _tunables.Onboarding.PoorHealthFactor;
        var champion = _championPresent ? 1.0 : _championReplaced ? health.ChampionReplacedFactor : health.ChampionLostFactor;
        var stuckTickets = _tickets.Count(t => t.Priority >= TicketPriority.High
            && t.OpenedAt < weekStart.AddDays(-health.StuckTicketAgeDays) && t.IsOpenAt(weekStart));
        var penalty = Math.Min(health.StuckTicketPenaltyMax, health.StuckTicketPenalty * stuckTickets)
            + (w <= _incidentUntil ? health.IncidentPenalty : 0.0);
        var target = (_baseHealth * (health.RampFloor + (health.RampGain * ramp)) * onboarding * champion) - penalty;
        _currentHealth = Math.Clamp(
            _currentHealth + (health.Pull * (target - _currentHealth)) + _rng.Normal(0, health.NoiseSd), health.Min, 1.0);
        _health.Add((float)_currentHealth);
    }

    private int UpdateUsers(int w)
    {
        // Healthy teams bring more colleagues in; disengaged ones drift away.
        var users = _tunables.Users;
        _demand *= 1.0 + (_growth * ((users.GrowthHealthWeight * _currentHealth) - users.GrowthHealthOffset)) + _rng.Normal(0, users.DemandNoiseSd);
        _demand = Math.Max(1.0, _demand);

        foreach (var user in _users)
        {
            if (user.IsPresentIn(w) && !user.IsChampion && _rng.Chance(users.LeaveChancePerWeek))
            {
                user.LeaveWeek = w;
            }
        }

        var present = _users.Count(u => u.IsPresentIn(w));
        var ramp = Math.Min(1.0, (w + 1) / users.RampWeeks);
        var target = Math.Min(_seats, Math.Max(1, (int)Math.Round(_demand * ramp)));
        while (present < target)
        {
            var champion = _users.Count == 0;
            _users.Add(new SimulatedUser(
                _nextUserOrdinal++, w, champion ? users.ChampionPropensity : _rng.Between(users.PropensityMin, users.PropensityMax), champion));
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
        var tickets = _tunables.Tickets;
        var onboarding = _tunables.Onboarding;
        var incident = w <= _incidentUntil;
        var lambda = tickets.BaseRate + (tickets.RatePerSqrtUser * Math.Sqrt(present)) + (tickets.UnhealthyRate * (1.0 - _currentHealth))
            + (!_onboardedWell && !_onboardingRescued && w < onboarding.PoorExtraTicketsUntilWeek ? onboarding.PoorExtraTicketsPerWeek : 0.0)
            + (incident ? tickets.IncidentRate : 0.0);
        var count = _rng.Poisson(lambda);
        for (var i = 0; i < count; i++)
        {
            var openedAt = weekStart.AddMinutes(_rng.Next(0, 7 * 24 * 60));
            if (openedAt >= _end)
            {
                continue;
            }

            var p = _rng.NextDouble();
            var mix = incident ? tickets.IncidentMix : tickets.UsualMix;
            var priority = p < mix.UrgentUpTo ? TicketPriority.Urgent
                : p < mix.HighUpTo ? TicketPriority.High
                : p < mix.NormalUpTo ? TicketPriority.Normal
                : TicketPriority.Low;
            var handling = priority switch
            {
                TicketPriority.Urgent => tickets.Urgent,
                TicketPriority.High => tickets.High,
                TicketPriority.Normal => tickets.Normal,
                _ => tickets.Low,
            };
            var t = _rng.NextDouble();
            var tier = t < handling.L1UpTo ? SupportTier.L1 : t < handling.L2UpTo ? SupportTier.L2 : SupportTier.L3;
            var medianHours = handling.MedianHours
                * (tier == SupportTier.L1 ? 1.0 : tier == SupportTier.L2 ? tickets.L2TimeFactor : tickets.L3TimeFactor);
            var hours = medianHours * Math.Exp(_rng.Normal(0, tickets.ResolutionLogSd));
            if (priority >= TicketPriority.High && _rng.Chance(incident ? tickets.StuckChanceInIncident : tickets.StuckChance))
            {
                hours = _rng.Between(tickets.StuckMinDays, tickets.StuckMaxDays) * 24; // stuck: waits on engineering for weeks
            }

            var resolvedAt = openedAt.AddMinutes(Math.Max(tickets.MinResolutionMinutes, Math.Round(hours * 60)));
            var resolved = resolvedAt < _end ? resolvedAt : (DateTime?)null;
            var breached = ((resolved ?? _end) - openedAt).TotalHours > handling.SlaHours;
            int? csat = resolved is not null && _rng.Chance(tickets.CsatChance)
                ? (int)Math.Clamp(Math.Round(_rng.Normal(breached ? tickets.CsatMeanBreached : tickets.CsatMeanMet, tickets.CsatSd)), 1, 5)
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
        var seatTunables = _tunables.Seats;
        var utilisation = present / (double)_seats;
        var seats = _seats;
        if (_annual)
        {
            // Renewal: seats are trued up to demand or down to the users actually there.
            if (present >= seatTunables.SaturationShare * _seats && _demand > _seats && _currentHealth > seatTunables.GrowthMinHealth)
            {
                seats = (int)Math.Ceiling(_demand * _rng.Between(seatTunables.RenewalTrueUpMin, seatTunables.RenewalTrueUpMax));
            }
            else if (utilisation < seatTunables.RenewalCutBelowUtilisation && _rng.Chance(seatTunables.RenewalCutChance))
            {
                seats = Math.Max(1, (int)Math.Ceiling(present * seatTunables.CutHeadroom));
            }

            _termStart = boundary;
            _renewal = DateOnly.FromDateTime(boundary.AddMonths(12));
            ReplaceSubscription(boundary, seats, newTerm: true);
            TrimUsers(w, _seats, present);
            IssueContractInvoice(boundary, _mrr * 12, w);
            return;
        }

        _monthsBilled++;
        if (utilisation < seatTunables.MonthlyCutBelowUtilisation && _seats > 1
            && _rng.Chance(_currentHealth < seatTunables.MonthlyCutUnhealthyBelow ? seatTunables.MonthlyCutChanceUnhealthy : seatTunables.MonthlyCutChanceHealthy))
        {
            seats = Math.Max(1, (int)Math.Ceiling(present * seatTunables.CutHeadroom));
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
        var churn = _tunables.Churn;
        var recent = MeanHealth(w - churn.RecentWeeks, w);
        var peak = recent;
        for (var k = 1; k <= churn.PeakWindows; k++)
        {
            var back = churn.PeakWindowStepWeeks * k;
            peak = Math.Max(peak, MeanHealth(w - churn.RecentWeeks - back, w - back, recent));
        }

        // Week-to-week wobble is not a drop: only a fall of more than the tolerance (15% by default) from the recent best counts.
        var drop = Math.Max(0.0, (Math.Max(0.0, peak - recent) / Math.Max(churn.DropMinPeak, peak)) - churn.DropTolerance);
        var lowUsage = Math.Max(0.0, churn.LowUsageLevel - recent) / churn.LowUsageLevel;
        var stuckUrgent = Math.Min(churn.StuckTicketsMax, _tickets.Count(t => t.Priority >= TicketPriority.High
            && t.OpenedAt < boundary.AddDays(-churn.StuckTicketAgeDays) && t.IsOpenAt(boundary)));
        var paymentTrouble = _attempts.Any(a => !a.Succeeded && a.AttemptedAt < boundary && a.AttemptedAt >= boundary.AddDays(-churn.FailedPaymentLookbackDays))
            || _invoices.Any(i => i.DueAt < boundary.AddDays(-churn.OverdueDays) && i.IsUnpaidAt(boundary));
        var keyAdopted = SampleFeatures.Key.Count(k => _adoptionWeek[IndexOf(k)] <= w);
        var poorOnboarding = keyAdopted < _tunables.Onboarding.GoodOnboardingKeyFeatures && w < _tunables.Onboarding.PoorOnboardingRiskUntilWeek;
        var ratings = _tickets.Where(t => t.Csat is not null && t.ResolvedAt < boundary && t.ResolvedAt >= boundary.AddDays(-churn.CsatLookbackDays))
            .Select(t => t.Csat!.Value).ToList();
        var unhappy = ratings.Count >= churn.UnhappyMinRatings && ratings.Average() <= churn.UnhappyAverage;

        var risk = (churn.DropWeight * drop) + (churn.LowUsageWeight * lowUsage) + (churn.StuckTicketWeight * stuckUrgent)
            + (paymentTrouble ? churn.PaymentTroubleWeight : 0.0)
            + (poorOnboarding ? churn.PoorOnboardingWeight : 0.0) + (unhappy ? churn.UnhappyWeight : 0.0);
        var p = _annual
            ? Math.Min(churn.AnnualMax, churn.AnnualBase + (churn.AnnualRiskSlope * risk) + (_autoRenew ? 0.0 : churn.AnnualNoAutoRenewExtra))
            : Math.Min(churn.MonthlyMax, churn.MonthlyBase + (churn.MonthlyRiskSlope * Math.Pow(risk, churn.MonthlyRiskExponent)));
        if (_invoices.Any(i => i.DueAt < boundary.AddDays(-churn.NonPaymentCutOffDays) && i.IsUnpaidAt(boundary)))
        {
            p = Math.Max(p, churn.NonPaymentChurnChance); // involuntary churn: the account is cut off for non-payment
        }

        return _budgetCut ? Math.Max(p, churn.BudgetCutChurnChance) : p;
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
            if (invoice.PaidAt is null || w <= _distressUntil || (at - invoice.DueAt).TotalDays > _tunables.Churn.WriteOffOverdueDays)
            {
                invoice.PaidAt = null;
                invoice.Voided = true;
                _attempts.RemoveAll(a => a.InvoiceId == invoice.InvoiceId && a.AttemptedAt >= at);
            }
        }
    }

    private void ConsiderExpansion(int w, DateTime weekStart, int present)
    {
        var seatTunables = _tunables.Seats;
        var saturated = present >= seatTunables.SaturationShare * _seats && _demand > _seats;
        _saturatedWeeks = saturated ? _saturatedWeeks + 1 : 0;
        if (_saturatedWeeks < seatTunables.ExpansionSaturatedWeeks || _currentHealth < seatTunables.GrowthMinHealth || w <= _cardTroubleUntil
            || !_rng.Chance(seatTunables.ExpansionChancePerWeek))
        {
            return;
        }

        var at = weekStart.AddDays(_rng.Next(1, 7));
        var current = _subscriptions[^1];
        if (at >= _end || at <= current.StartedAt)
        {
            return;
        }

        var seats = Math.Max(_seats + 1, (int)Math.Ceiling(_demand * _rng.Between(seatTunables.ExpansionMin, seatTunables.ExpansionMax)));
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

        var billing = _tunables.Billing;
        var id = "INV-" + _accountId[1..] + "-" + (_invoices.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        if (_payByCard)
        {
            var invoice = new InvoiceDraft(id, _accountId, issuedAt, issuedAt, amount);
            _invoices.Add(invoice);
            var trouble = w <= _cardTroubleUntil;
            foreach (var offset in billing.CardAttemptDays)
            {
                var at = issuedAt.AddDays(offset).AddMinutes(_rng.Next(0, billing.CardAttemptSpreadMinutes));
                if (_rng.Chance(trouble ? billing.CardSuccessChanceInTrouble : billing.CardSuccessChance))
                {
                    invoice.PaidAt = at;
                    _attempts.Add(new PaymentAttempt(_accountId, id, at, true, null));
                    return;
                }

                _attempts.Add(new PaymentAttempt(_accountId, id, at, false, _rng.Pick(CardFailures)));
            }

            return;
        }

        var dueAt = issuedAt.AddDays(billing.PaymentTermsDays);
        var invoiced = new InvoiceDraft(id, _accountId, issuedAt, dueAt, amount);
        _invoices.Add(invoiced);
        var delayDays = w <= _distressUntil ? _rng.Between(billing.DistressDelayMinDays, billing.DistressDelayMaxDays)
            : _slowPayer ? _rng.Between(billing.SlowDelayMinDays, billing.SlowDelayMaxDays)
            : Math.Clamp(_rng.Normal(billing.UsualDelayMeanDays, billing.UsualDelaySdDays), billing.UsualDelayMinDays, billing.UsualDelayMaxDays);
        var paidAt = dueAt.AddDays(delayDays);
        invoiced.PaidAt = paidAt > issuedAt ? paidAt : issuedAt.AddHours(billing.EarliestPaymentHours);
        _attempts.Add(new PaymentAttempt(_accountId, id, invoiced.PaidAt.Value, true, null));
    }

    private void RetryAfterCardTrouble(int w, DateTime weekStart)
    {
        if (!_payByCard || w <= _cardTroubleUntil)
        {
            return;
        }

        // Only invoices whose dunning run (four attempts over two weeks) is over.
        var billing = _tunables.Billing;
        foreach (var invoice in _invoices.Where(i => i.PaidAt is null && !i.Voided && i.IssuedAt.AddDays(billing.DunningDays) < weekStart))
        {
            // The customer fixed the card: the dunning run collects the balance.
            var at = weekStart.AddDays(1).AddMinutes(_rng.Next(0, billing.FixedCardSpreadMinutes));
            invoice.PaidAt = at;
            _attempts.Add(new PaymentAttempt(_accountId, invoice.InvoiceId, at, true, null));
        }
    }
}
