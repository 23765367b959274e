using System.Xml.Linq;
using FollowUpFlow.Storage.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FollowUpFlow.App.Dashboard;

/// <summary>
/// Keeps the Data Protection key ring (what the dashboard's antiforgery tokens are made with) in Table Storage, so
/// every instance and every restart reads the same keys: with keys kept per process, a form served by one instance
/// would be refused by another, or after a restart. Data Protection calls this rarely (when it loads or makes a key)
/// and only synchronously, hence the blocking calls.
/// </summary>
internal sealed class TableKeyRepository(TableClient table) : IXmlRepository
{
    private const string Partition = "data-protection";
    private int _tableReady;

    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreElementAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync()
    {
        await EnsureTableAsync();
        var elements = new List<XElement>();
        await foreach (var entity in table.QueryAsync(TableFilter.Create($"PartitionKey eq {Partition}"), ["Xml"]))
        {
            if (entity.GetString("Xml") is { Length: > 0 } xml)
            {
                elements.Add(XElement.Parse(xml));
            }
        }

        return elements;
    }

    private async Task StoreElementAsync(XElement element, string friendlyName)
    {
        await EnsureTableAsync();

        // Data Protection names keys "key-{guid}"; anything else is keyed by a fresh id rather than trusted as a row key.
        var rowKey = friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? friendlyName : Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(new TableEntity(Partition, rowKey) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) });
    }

    private async Task EnsureTableAsync()
    {
        if (Volatile.Read(ref _tableReady) == 0)
        {
            await table.CreateIfNotExistsAsync();
            Volatile.Write(ref _tableReady, 1);
        }
    }
}
