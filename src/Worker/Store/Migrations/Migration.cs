namespace ChurnWatch.Worker.Store.Migrations;

/// <summary>One versioned schema change: its number, its name and the SQL that applies it.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
