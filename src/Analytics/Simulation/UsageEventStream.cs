using System.Collections;
using System.Globalization;
using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// The usage events of simulated accounts, regenerated account by account on every enumeration from a per-account
/// seed and the account's latent weekly state, so the stream is deterministic and never held in memory.
/// </summary>
internal sealed class UsageEventStream(IReadOnlyList<SimulatedAccount> timelines, int seed, DateTime end, UsageTunables tunables)
    : IEnumerable<UsageEvent>
{
    public IEnumerator<UsageEvent> GetEnumerator()
    {
        foreach (var timeline in timelines)
        {
            foreach (var usage in ForAccount(timeline))
            {
                yield return usage;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The events of one account: one row per user x feature x active day.</summary>
    public IEnumerable<UsageEvent> ForAccount(SimulatedAccount timeline)
    {
        var rng = new Random(SeedMixer.Derive(seed, timeline.Index, 2));
        var accountId = timeline.Account.AccountId;
        var stop = timeline.ChurnedAt is { } churned && churned < end ? churned : end;
        var users = timeline.Users;
        var features = SampleFeatures.All;

        // Each user has a taste for each feature, drawn once.
        var userIds = new string[users.Count];
        var affinity = new double[users.Count * features.Count];
        for (var u = 0; u < users.Count; u++)
        {
            userIds[u] = accountId + "-U" + users[u].Ordinal.ToString("D3", CultureInfo.InvariantCulture);
            for (var f = 0; f < features.Count; f++)
            {
                affinity[(u * features.Count) + f] = Math.Min(
                    tunables.AffinityCap,
                    tunables.FeatureIntensity[f] * rng.Between(tunables.AffinityMin, tunables.AffinityMax) * (users[u].IsChampion ? tunables.ChampionAffinity : 1.0));
            }
        }

        for (var w = 0; w < timeline.Health.Length; w++)
        {
            var health = (double)timeline.Health[w];
            var weekStart = timeline.StartedAt.AddDays(7 * w);
            for (var u = 0; u < users.Count; u++)
            {
                var user = users[u];
                if (!user.IsPresentIn(w))
                {
                    continue;
                }

                var engagement = health * user.Propensity;
                if (!rng.Chance(Math.Clamp(tunables.ActiveWeekBase + (tunables.ActiveWeekSlope * engagement), 0.0, tunables.ActiveWeekCap)))
                {
                    continue; // not active this week
                }

                for (var d = 0; d < 7; d++)
                {
                    var day = weekStart.AddDays(d);
                    if (day >= stop)
                    {
                        break;
                    }

                    var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                    if (!rng.Chance(weekend
                        ? tunables.WeekendDayChance
                        : Math.Clamp(tunables.WeekdayBase + (tunables.WeekdaySlope * engagement), 0.0, tunables.WeekdayCap)))
                    {
                        continue;
                    }

                    var at = day.AddMinutes(rng.Next(tunables.SessionFirstHour * 60, tunables.SessionLastHour * 60));
                    if (at >= stop)
                    {
                        break;
                    }

                    for (var f = 0; f < features.Count; f++)
                    {
                        if (timeline.AdoptionWeek[f] > w
                            || !rng.Chance(affinity[(u * features.Count) + f] * (tunables.FeatureHealthFloor + (tunables.FeatureHealthGain * health))))
                        {
                            continue;
                        }

                        var quantity = 1 + (int)rng.Exponential(tunables.QuantityBaseMean + (tunables.QuantitySlope * engagement));
                        yield return new UsageEvent(accountId, userIds[u], features[f], at.AddMinutes(f), quantity);
                    }
                }
            }
        }
    }
}
