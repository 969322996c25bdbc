using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed class StagedUsageEventTests
{
    [Theory]
    [InlineData("2025-03-03T00:00:00", "2025-03-03", "2025-03-03")] // a Monday starts its own week
    [InlineData("2025-03-09T23:59:59", "2025-03-09", "2025-03-03")] // Sunday ends it
    [InlineData("2025-03-10T00:00:00", "2025-03-10", "2025-03-10")]
    [InlineData("2025-01-01T12:00:00", "2025-01-01", "2024-12-30")] // the week crosses the year
    public void DayAndWeekStart_AreTheUtcDayAndItsMonday(string occurredAt, string day, string weekStart)
    {
        var e = new StagedUsageEvent("A1", "u1", "f", DateTime.SpecifyKind(DateTime.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), 1, 2);

        Assert.Equal((DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(weekStart, System.Globalization.CultureInfo.InvariantCulture)), (e.Day, e.WeekStart));
    }
}
