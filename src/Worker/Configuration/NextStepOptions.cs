using System.ComponentModel.DataAnnotations;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Worker.Configuration;

/// <summary>
/// The suggested next step shown beside an account at risk, by what its top reason is about (section
/// <c>NextSteps</c>). Each is a sentence in the company's own words; an empty one suggests nothing for that topic.
/// </summary>
internal sealed class NextStepOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "NextSteps";

    /// <summary>Weekly active users fell.</summary>
    [MaxLength(200)]
    public string ActiveUsers { get; set; } = "Ask the account's champion what changed and who stopped logging in";

    /// <summary>Usage (events, a feature's use) is low or falling.</summary>
    [MaxLength(200)]
    public string Usage { get; set; } = "Review their usage with them: which work moved elsewhere";

    /// <summary>Few features or key features adopted, seats unused.</summary>
    [MaxLength(200)]
    public string Adoption { get; set; } = "Offer training on the key features they have not adopted";

    /// <summary>No recent activity.</summary>
    [MaxLength(200)]
    public string Activity { get; set; } = "Reach out: nobody has used the product lately";

    /// <summary>Tickets: urgent, open long, SLA breached, escalated, low satisfaction.</summary>
    [MaxLength(200)]
    public string Support { get; set; } = "Escalate their open tickets with the support lead";

    /// <summary>Invoices past due or failed payments.</summary>
    [MaxLength(200)]
    public string Billing { get; set; } = "Contact their billing contact about the payment";

    /// <summary>MRR fell (contraction).</summary>
    [MaxLength(200)]
    public string Revenue { get; set; } = "Ask why they reduced their subscription";

    /// <summary>Usage or adoption is the top reason and the renewal is due within Output:RenewalWindowDays.</summary>
    [MaxLength(200)]
    public string RenewalReview { get; set; } = "Schedule a renewal review before the renewal date";

    /// <summary>The texts as the scoring's rule takes them, with the renewal window of the reports.</summary>
    public NextStepTexts ToTexts(int renewalWindowDays) => new(
        new Dictionary<ReasonTopic, string>
        {
            [ReasonTopic.ActiveUsers] = ActiveUsers,
            [ReasonTopic.Usage] = Usage,
            [ReasonTopic.Adoption] = Adoption,
            [ReasonTopic.Activity] = Activity,
            [ReasonTopic.Support] = Support,
            [ReasonTopic.Billing] = Billing,
            [ReasonTopic.Revenue] = Revenue,
        },
        RenewalReview,
        renewalWindowDays);
}
