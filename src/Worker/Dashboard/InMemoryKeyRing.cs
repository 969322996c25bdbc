using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Keeps the anti-forgery tokens' data-protection keys in memory. By default ASP.NET Core writes them under the
/// service account's home folder; here a restart only makes open pages' tokens stale (a reload fixes it), and
/// nothing is written outside the configured folders.
/// </summary>
internal sealed class InMemoryKeyRing : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock)
        {
            return _elements.Select(e => new XElement(e)).ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_lock)
        {
            _elements.Add(new XElement(element));
        }
    }
}
