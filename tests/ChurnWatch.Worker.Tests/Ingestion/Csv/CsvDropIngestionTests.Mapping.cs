using System.Text;
using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    [Fact]
    public async Task RunAsync_MappedHeadersSemicolonsAndDecimalCommas_LoadOntoTheContract()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Options.Delimiter = ";";
        drops.Options.DecimalSeparator = ",";
        drops.Options.DateFormats = ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"];
        drops.Options.Columns["tickets"] = new()
        {
            ["ticket_id"] = "Ticket ID", ["account_id"] = "Organization", ["opened_at"] = "Created At", ["resolved_at"] = "Solved At",
            ["tier"] = "Group", ["sla_breached"] = "SLA Breached", ["csat"] = "Satisfaction",
        };
        drops.Options.Columns["invoices"] = new() { ["amount"] = "Total (EUR)", ["invoice_id"] = "Number" };
        drops.Drop("accounts", "accounts.csv",
            """
            account_id;name;owner_email;segment;region;created_at;seats_licensed
            A1;Acme GmbH;ava@vendor.test;SMB;EMEA;06.01.2025 09:00;10
            """);
        // Headers in another order and case, an extra column the contract does not know, windows-1252 text.
        drops.Drop("tickets", "zendesk-export.csv",
            """
            Ticket ID;Subject;created at;Solved At;Priority;Group;SLA Breached;Satisfaction;Organization
            4711;"Login klappt nicht; sagt Müller";04.03.2025 10:22;05.03.2025 08:00;High;L2;no;4;A1
            """, Encoding.Latin1);
        drops.Options.Encoding = "iso-8859-1";
        drops.Drop("invoices", "invoices.csv",
            """
            Number;account_id;issued_at;due_at;paid_at;Total (EUR);currency;status
            R-1;A1;01.03.2025;31.03.2025;;1530,50;EUR;open
            """, Encoding.Latin1);

        var summary = await drops.RunAsync();
        var history = await LoadWithoutUsageAsync(drops);

        Assert.All(summary.Files, f => Assert.Equal(0, f.Rejected));
        Assert.Equal(new Account("A1", "Acme GmbH", "ava@vendor.test", "SMB", "EMEA", new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc), 10), history.Accounts.Single());
        Assert.Equal(
            new Ticket("4711", "A1", new DateTime(2025, 3, 4, 10, 22, 0, DateTimeKind.Utc), new DateTime(2025, 3, 5, 8, 0, 0, DateTimeKind.Utc), TicketPriority.High, SupportTier.L2, false, 4),
            history.Tickets!.Single());
        Assert.Equal(
            new Invoice("R-1", "A1", new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 31, 0, 0, 0, DateTimeKind.Utc), null, 1530.50m, "EUR", "open"),
            history.Invoices!.Single());
    }

    [Fact]
    public async Task RunAsync_NoHeader_ReadsFieldsInContractOrder()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Options.HasHeader = false;
        drops.Drop("accounts", "accounts.csv", "A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10");

        await drops.RunAsync();

        Assert.Equal(["A1|Acme|10"], await drops.QueryAsync<string>("SELECT account_id || '|' || name || '|' || seats_licensed FROM accounts"));
    }

    [Fact]
    public async Task RunAsync_NumberWithTheWrongDecimalSeparator_IsQuarantined()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Options.Delimiter = ";";
        drops.Options.DecimalSeparator = ",";
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv.Replace(',', ';').Replace("\"Globex; Inc.\"", "Globex", StringComparison.Ordinal));
        drops.Drop("subscriptions", "subscriptions.csv",
            """
            subscription_id;account_id;plan;mrr;currency;billing_period_months;started_at;ended_at;renewal_date;auto_renew;seats
            S1;A1;Team;450,5;USD;12;2025-01-06T09:00:00Z;;2026-01-06;true;10
            S2;A2;Business;4.000,00;USD;1;2025-02-03T09:00:00Z;2025-06-01T00:00:00Z;;false;
            """);

        var summary = await drops.RunAsync();

        Assert.Equal(new CsvFileResult("subscriptions", "subscriptions.csv", 1, 1, false), summary.Files[^1]);
        Assert.Equal(["S1|450.5|2026-01-06|1|10"], await drops.QueryAsync<string>("SELECT subscription_id || '|' || mrr || '|' || renewal_date || '|' || auto_renew || '|' || seats FROM subscriptions"));
        Assert.Equal(["subscriptions.csv:3|mrr|4.000,00"], await drops.QueryAsync<string>("SELECT location || '|' || column_name || '|' || value FROM quarantine"));
    }

    // LoadAsync needs usage; these tests are about other entities, so give it one usage day.
    private static async Task<CompanyHistory> LoadWithoutUsageAsync(CsvDropFixture drops)
    {
        var usage = drops.Drop("usage_events", "usage.csv", "account_id;user_id;feature;occurred_at;quantity\nA1;u1;f;01.03.2025;1");
        await drops.RunAsync();
        Assert.False(File.Exists(usage));
        return await drops.Store.LoadAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_Utf8WithByteOrderMark_MatchesTheFirstHeader()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        // Excel's "CSV UTF-8" starts with a byte order mark, which must not become part of "account_id".
        drops.Drop("accounts", "excel.csv", CsvDropFixture.AccountsCsv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var summary = await drops.RunAsync();

        Assert.Equal([new CsvFileResult("accounts", "excel.csv", 2, 0, false)], summary.Files);
        Assert.Equal(["A1", "A2"], await drops.QueryAsync<string>("SELECT account_id FROM accounts ORDER BY account_id"));
    }
}
