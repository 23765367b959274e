using Azure;

namespace FollowUpFlow.Storage.Tables;

/// <summary>
/// One Table entity: keys, ETag, Timestamp and a bag of typed properties. Values are string, bool, int,
/// long (Edm.Int64), double, DateTimeOffset (Edm.DateTime, kept in UTC), Guid or byte[] (Edm.Binary).
/// Setting null removes a property (the service stores no nulls).
/// </summary>
public sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>The version read or written last; the If-Match for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    /// <summary>Set by the service; ignored on writes.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public IReadOnlyDictionary<string, object> Properties => _properties;

    public int Count => _properties.Count;

    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out var value) ? value : null;
        set
        {
            TableEntityRules.ValidatePropertyName(name);
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                _properties[name] = TableEntityRules.NormalizeValue(name, value);
            }
        }
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public bool Remove(string name) => _properties.Remove(name);

    /// <summary>Values read from the service are already typed; their names are the service's, not re-checked.</summary>
    internal void SetFromService(string name, object value) => _properties[name] = value;

    public string? GetString(string name) => Get<string>(name);

    public bool? GetBoolean(string name) => GetStruct<bool>(name);

    public int? GetInt32(string name) => GetStruct<int>(name);

    /// <summary>Reads an Int64, widening an Int32.</summary>
    public long? GetInt64(string name) => this[name] is int i ? i : GetStruct<long>(name);

    /// <summary>Reads a Double, widening an Int32.</summary>
    public double? GetDouble(string name) => this[name] is int i ? i : GetStruct<double>(name);

    public DateTimeOffset? GetDateTimeOffset(string name) => GetStruct<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetStruct<Guid>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public override string ToString() => $"TableEntity({PartitionKey}, {RowKey}, {Count} properties)";

    private T? Get<T>(string name)
        where T : class => this[name] switch
        {
            null => null,
            T typed => typed,
            var other => throw Mismatch(name, typeof(T), other),
        };

    private T? GetStruct<T>(string name)
        where T : struct => this[name] switch
        {
            null => null,
            T typed => typed,
            var other => throw Mismatch(name, typeof(T), other),
        };

    private static InvalidOperationException Mismatch(string name, Type wanted, object actual) =>
        new($"Property '{name}' holds a {actual.GetType().Name}, not a {wanted.Name}.");
}
