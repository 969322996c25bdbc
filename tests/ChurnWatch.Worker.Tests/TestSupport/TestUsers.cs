namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The people and passwords of the sign-in tests: long enough for every password rule, and easy to grep for.</summary>
internal static class TestUsers
{
    public const string Ann = "ann@example.com";

    public const string Password = "correct horse battery";

    public const string WrongPassword = "incorrect donkey staple";
}
