using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

/// <summary>A SHA-256 over every record and every usage event of a company, to compare two generations.</summary>
public static class SampleCompanyDigest
{
    public static string Of(SampleCompany company)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(object? value) => hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) + "\n"));
        foreach (var a in company.Accounts)
        {
            Add(a);
        }

        foreach (var s in company.Subscriptions)
        {
            Add(s);
        }

        foreach (var t in company.Tickets)
        {
            Add(t);
        }

        foreach (var i in company.Invoices)
        {
            Add(i);
        }

        foreach (var p in company.PaymentAttempts)
        {
            Add(p);
        }

        foreach (var e in company.UsageEvents)
        {
            Add(e);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
