using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A store test that is skipped when its provider says so; the reason is worked out again wherever it runs.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("For the deserializer only.")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        StoreTestProvider.SkipReasonFor(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);
}
