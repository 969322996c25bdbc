using System.Collections;
using System.Globalization;
using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// The usage events of simulated accounts, regenerated account by account on every enumeration from a per-account
/// seed and the account's latent weekly state, so the stream is deterministic and never held in memory.
/// </summary>
internal sealed class UsageEventStream(IReadOnlyList<SimulatedAccount> timelines, int seed, DateTime end) : IEnumerable<UsageEvent>
{
    /// <summary>
    /// Chance that an active user touches a feature on an active day, in <see cref="SampleFeatures.All"/> order.
    /// Integrations mostly run unattended, so few users touch them; dashboards are the front door.
    /// </summary>
    private static readonly double[] FeatureIntensity = [0.7, 0.18, 0.4, 0.35, 0.3, 0.15, 0.3, 0.2, 0.2, 0.45];

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
                affinity[(u * features.Count) + f] = Math.Min(0.95, FeatureIntensity[f] * rng.Between(0.3, 1.7) * (users[u].IsChampion ? 1.4 : 1.0));
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
                if (!rng.Chance(Math.Clamp(0.3 + (0.9 * engagement), 0.0, 0.97)))
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
                    if (!rng.Chance(weekend ? 0.025 : Math.Clamp(0.055 + (0.23 * engagement), 0.0, 0.9)))
                    {
                        continue;
                    }

                    var at = day.AddMinutes(rng.Next(7 * 60, 20 * 60));
                    if (at >= stop)
                    {
                        break;
                    }

                    for (var f = 0; f < features.Count; f++)
                    {
                        if (timeline.AdoptionWeek[f] > w || !rng.Chance(affinity[(u * features.Count) + f] * (0.5 + (0.5 * health))))
                        {
                            continue;
                        }

                        var quantity = 1 + (int)rng.Exponential(1.0 + (4.0 * engagement));
                        yield return new UsageEvent(accountId, userIds[u], features[f], at.AddMinutes(f), quantity);
                    }
                }
            }
        }
    }
}
