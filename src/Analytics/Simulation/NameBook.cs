namespace ChurnWatch.Analytics.Simulation;

/// <summary>Word lists for account and account manager names.</summary>
internal static class NameBook
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "ada", "ben", "carla", "dev", "elena", "farid", "grace", "hugo", "ines", "jonas", "kira", "liam",
        "maya", "nils", "olivia", "pavel", "quinn", "rosa", "sami", "tara", "uma", "victor", "wen", "yusuf",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "adler", "bauer", "chen", "diaz", "evans", "fischer", "garcia", "haddad", "ito", "jensen", "kowalski",
        "larsen", "moreau", "nakamura", "okafor", "patel", "quiroga", "rossi", "silva", "tanaka", "urban", "vogel",
    ];

    public static IReadOnlyList<string> CompanyWords { get; } =
    [
        "Acme", "Bluefin", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Keystone",
        "Lumen", "Maple", "Nimbus", "Orchid", "Pioneer", "Quill", "Redwood", "Summit", "Tidal", "Umber", "Vertex",
        "Willow", "Xenon", "Yarrow", "Zephyr", "Northwind", "Silverline", "Brightpath", "Copperleaf",
    ];

    public static IReadOnlyList<string> CompanyTrades { get; } =
    [
        "Analytics", "Logistics", "Health", "Foods", "Labs", "Media", "Robotics", "Energy", "Retail", "Legal",
        "Finance", "Travel", "Design", "Software", "Biotech", "Freight", "Insurance", "Studios", "Systems", "Partners",
    ];

    public static IReadOnlyList<string> LegalForms { get; } = ["Inc", "Ltd", "GmbH", "LLC", "SA", "BV", "Pty"];
}
