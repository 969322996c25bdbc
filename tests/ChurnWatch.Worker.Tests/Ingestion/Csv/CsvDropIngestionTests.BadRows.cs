using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    private sealed record Refused(string Entity, string Source, string Location, string? Column_Name, string? Value, string Reason);

    [Fact]
    public async Task RunAsync_BadTicketRows_AreQuarantinedWithFileLineColumnAndValue_GoodRowsLoad()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("tickets", "tickets.csv",
            """
            ticket_id,account_id,opened_at,resolved_at,priority,tier,sla_breached,csat
            T1,A1,2025-03-04T10:22:00Z,,high,L2,false,
            T2,A1,yesterday,,high,L2,false,
            T3,A9,2025-03-04T10:22:00Z,,high,L2,false,
            T1,A2,2025-03-05T10:22:00Z,,low,L1,false,
            T4,A1,2026-03-10T00:00:00Z,,low,L1,false,
            T5,A1,2025-03-04T10:22:00Z
            T6,A2,2025-03-07T10:00:00Z,2025-03-08T10:00:00Z,normal,L3,true,five
            T7,A2,2025-03-07T10:00:00Z,2025-03-08T10:00:00Z,normal,L3,maybe,
            T8,A2,2025-03-07T10:00:00Z,2025-03-08T10:00:00Z,normal,L3,true,5
            """);

        var summary = await drops.RunAsync();

        Assert.Equal(new CsvFileResult("tickets", "tickets.csv", 2, 7, false), summary.Files[^1]);
        Assert.Equal(["T1", "T8"], await drops.QueryAsync<string>("SELECT ticket_id FROM tickets ORDER BY ticket_id"));
        var refused = await drops.QueryAsync<Refused>("SELECT entity, source, location, column_name, value, reason FROM quarantine ORDER BY quarantine_id");
        Assert.All(refused, r => Assert.Equal(("tickets", "tickets.csv"), (r.Entity, r.Source)));
        Assert.Equal(
            [
                ("tickets.csv:3", "opened_at", "yesterday"),
                ("tickets.csv:4", "account_id", "A9"),
                ("tickets.csv:5", null, "T1"),
                ("tickets.csv:6", null, "2026-03-10T00:00:00Z"),
                ("tickets.csv:7", "resolved_at", "3 fields"),
                ("tickets.csv:8", "csat", "five"),
                ("tickets.csv:9", "sla_breached", "maybe"),
            ],
            refused.Select(r => (r.Location, r.Column_Name, r.Value)));
        Assert.Equal(
            [
                "'yesterday' is not a timestamp; expected 'yyyy-MM-dd'T'HH:mm:ssK' or 'yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK' or 'yyyy-MM-dd'T'HH:mmK' (CsvDrops:DateFormats).",
                "refers to an account that is not in accounts.",
                "duplicate: another tickets row in this read has the key 'T1'.",
                "2026-03-10T00:00:00Z is in the future (later than 2026-03-03T06:00:00Z).",
                "the row has 3 fields but the header has 8: column 'resolved_at' and those after it are missing (a ragged row).",
                "'five' is not a whole number.",
                "'maybe' is not a boolean; expected true or false.",
            ],
            refused.Select(r => r.Reason));
    }

    [Fact]
    public async Task RunAsync_TicketResolvedBeforeOpenedOrInvoicePaidOrDueBeforeIssued_IsQuarantinedNamingBothColumns()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("tickets", "tickets.csv",
            """
            ticket_id,account_id,opened_at,resolved_at,priority,tier,sla_breached,csat
            T1,A1,2025-03-10T09:00:00Z,2025-03-09T09:00:00Z,high,L2,false,
            T2,A1,2025-03-10T09:00:00Z,2025-03-10T09:00:00Z,high,L2,false,
            """);
        drops.Drop("invoices", "invoices.csv",
            """
            invoice_id,account_id,issued_at,due_at,paid_at,amount,currency,status
            I1,A1,2025-03-01T00:00:00Z,2025-03-31T00:00:00Z,2025-02-28T12:00:00Z,450.00,USD,paid
            I2,A1,2025-03-01T00:00:00Z,2025-02-01T00:00:00Z,,450.00,USD,open
            I3,A1,2025-03-01T00:00:00Z,2025-03-01T00:00:00Z,2025-03-01T00:00:00Z,450.00,USD,paid
            """);

        await drops.RunAsync();

        Assert.Equal(["T2"], await drops.QueryAsync<string>("SELECT ticket_id FROM tickets ORDER BY ticket_id"));
        Assert.Equal(["I3"], await drops.QueryAsync<string>("SELECT invoice_id FROM invoices ORDER BY invoice_id"));
        Assert.Equal(
            [
                ("tickets.csv:2", "resolved_at", "2025-03-09T09:00:00Z", "2025-03-09T09:00:00Z is before opened_at 2025-03-10T09:00:00Z; resolved_at must not be earlier than opened_at."),
                ("invoices.csv:2", "paid_at", "2025-02-28T12:00:00Z", "2025-02-28T12:00:00Z is before issued_at 2025-03-01T00:00:00Z; paid_at must not be earlier than issued_at."),
                ("invoices.csv:3", "due_at", "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z is before issued_at 2025-03-01T00:00:00Z; due_at must not be earlier than issued_at."),
            ],
            (await drops.QueryAsync<Refused>("SELECT entity, source, location, column_name, value, reason FROM quarantine ORDER BY quarantine_id"))
                .Select(r => (r.Location, r.Column_Name, r.Value, r.Reason)));
    }

    [Fact]
    public async Task RunAsync_BadAmountsAndCounts_AreQuarantinedNotFatal()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10
            A2,Globex,ben@vendor.test,Enterprise,NA,2025-02-03T09:00:00Z,ten
            """);
        drops.Drop("invoices", "invoices.csv",
            """
            invoice_id,account_id,issued_at,due_at,paid_at,amount,currency,status
            I1,A1,2025-03-01T00:00:00Z,2025-03-31T00:00:00Z,,450.00,USD,open
            I2,A1,2025-03-01T00:00:00Z,2025-03-31T00:00:00Z,,-5,USD,open
            I3,A1,2025-03-01T00:00:00Z,2025-03-31T00:00:00Z,,abc,USD,open
            I4,A1,2025-03-01T00:00:00Z,2027-03-31T00:00:00Z,,12.5,USD,open
            """);
        drops.Drop("usage_events", "usage.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-03-03T10:00:00Z,0
            A1,u1,*,2025-03-03T10:00:00Z,1
            A1,u1,dashboards,2025-03-03T10:00:00Z,2
            """);

        var summary = await drops.RunAsync();

        Assert.Equal(
            [
                new CsvFileResult("accounts", "accounts.csv", 1, 1, false),
                new CsvFileResult("usage_events", "usage.csv", 1, 2, false),
                new CsvFileResult("invoices", "invoices.csv", 2, 2, false),
            ],
            summary.Files);
        // a due date may lie ahead: it is a term, not an event
        Assert.Equal(["I1|450.0", "I4|12.5"], await drops.QueryAsync<string>("SELECT invoice_id || '|' || amount FROM invoices ORDER BY invoice_id"));
        Assert.Equal(
            [
                ("accounts.csv:3", "seats_licensed", "ten"),
                ("usage.csv:2", "quantity", "0"),
                ("usage.csv:3", "feature", "*"),
                ("invoices.csv:3", "amount", "-5"),
                ("invoices.csv:4", "amount", "abc"),
            ],
            (await drops.QueryAsync<Refused>("SELECT entity, source, location, column_name, value, reason FROM quarantine ORDER BY quarantine_id"))
                .Select(r => (r.Location, r.Column_Name, r.Value)));
    }

    [Fact]
    public async Task RunAsync_HeaderWithoutARequiredColumn_FailsNamingFileLineAndColumn_AndLeavesTheFile()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        var path = drops.Drop("tickets", "zendesk.csv",
            """
            ticket_id,account_id,opened_at,priority,sla_breached
            T1,A1,2025-03-04T10:22:00Z,high,false
            """);
        var before = await drops.ChecksumAsync();

        var error = await Assert.ThrowsAsync<SourceDataException>(() => drops.RunAsync());

        Assert.StartsWith("zendesk.csv:1, column tier: the header has no column 'tier'; the header has 'ticket_id', 'account_id', 'opened_at', 'priority', 'sla_breached'.", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.Equal(before, await drops.ChecksumAsync());
    }

    [Fact]
    public async Task RunAsync_BrokenQuoting_FailsNamingFileAndLine_AndRollsBackTheFile()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        var path = drops.Drop("accounts", "accounts.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06T09:00:00Z,10
            A2,"Globex"x,ben@vendor.test,Enterprise,NA,2025-02-03T09:00:00Z,50
            """);
        var before = await drops.ChecksumAsync();

        var error = await Assert.ThrowsAsync<SourceDataException>(() => drops.RunAsync());

        Assert.StartsWith("accounts.csv:3: the file is not valid CSV:", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.Equal(before, await drops.ChecksumAsync());
    }

    [Fact]
    public async Task RunAsync_MoreBadRowsThanMaxRejectedShare_RefusesTheWholeFile()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Validation.MaxRejectedShare = 0.4;
        var path = drops.Drop("accounts", "accounts.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A1,Acme,ava@vendor.test,SMB,EMEA,2025-01-06,10
            A2,Globex,ben@vendor.test,Enterprise,NA,03/02/2025,50
            A3,Initech,ava@vendor.test,SMB,NA,04/02/2025,5
            """);
        var before = await drops.ChecksumAsync();

        var error = await Assert.ThrowsAsync<SourceDataException>(() => drops.RunAsync());

        Assert.Equal(
            "accounts.csv: 2 of 3 rows were refused, more than Ingest:MaxRejectedShare (0.4); nothing of the file was imported and it stays in the drop folder. " +
            "First problems: accounts.csv:3, column created_at: '03/02/2025' is not a timestamp; expected 'yyyy-MM-dd'T'HH:mm:ssK' or 'yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK' or 'yyyy-MM-dd'T'HH:mmK' (CsvDrops:DateFormats). " +
            "accounts.csv:4, column created_at: '04/02/2025' is not a timestamp; expected 'yyyy-MM-dd'T'HH:mm:ssK' or 'yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK' or 'yyyy-MM-dd'T'HH:mmK' (CsvDrops:DateFormats).",
            error.Message);
        Assert.True(File.Exists(path));
        Assert.Equal(before, await drops.ChecksumAsync());
    }
}
