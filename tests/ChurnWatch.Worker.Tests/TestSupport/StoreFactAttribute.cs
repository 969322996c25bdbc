using Xunit.Sdk;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// A fact of a store test class: skipped, with the provider's reason, when the provider's server is not configured
/// (see <see cref="StoreTestProvider.SkipReason"/>). A plain <c>[Fact(Skip = ...)]</c> cannot do this: the test
/// methods live on the generic base class and only the subclass knows its provider.
/// </summary>
[XunitTestCaseDiscoverer("ChurnWatch.Worker.Tests.TestSupport.StoreFactDiscoverer", "ChurnWatch.Worker.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;
