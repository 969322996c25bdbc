using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Tests.Configuration;

public sealed class StoreOptionsTests
{
    private static List<ValidationResult> Problems(StoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValid_SqliteWithoutConnectionString()
    {
        Assert.Empty(Problems(new StoreOptions()));
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void ConnectionString_MissingForAServer_NamesTheKey(string providerName)
    {
        var provider = Enum.Parse<StoreProvider>(providerName);
        var problem = Assert.Single(Problems(new StoreOptions { Provider = provider }));

        Assert.Equal($"Required when Store:Provider is {provider}.", problem.ErrorMessage);
        Assert.Equal(["ConnectionString"], problem.MemberNames);
    }

    [Fact]
    public void ConnectionString_UnknownKeyword_NamesTheKeyButNotTheValues()
    {
        var problem = Assert.Single(Problems(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=db;Password=S3cret;Colour=blue" }));

        Assert.StartsWith("Not a valid PostgreSql connection string:", problem.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", problem.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_ValidForPostgreSql_IsValid()
    {
        Assert.Empty(Problems(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = "Host=db;Username=cw;Password=x;Database=churnwatch" }));
    }

    [Fact]
    public void DataFolder_AFile_NamesTheKey()
    {
        using var folder = new TestSupport.TempFolder();
        File.WriteAllText(folder.File("data"), "");

        var problem = Assert.Single(Problems(new StoreOptions { DataFolder = folder.File("data") }));

        Assert.Equal($"'{folder.File("data")}' is a file; give a folder (it is created if missing).", problem.ErrorMessage);
        Assert.Equal(["DataFolder"], problem.MemberNames);
    }
}
