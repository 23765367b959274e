namespace FollowUpFlow.App.Contracts;

/// <summary>Collects what is wrong with a request so the caller learns everything at once, as RFC 9457 problem details.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Every message, for callers that show them as sentences rather than as a problem (the dashboard).</summary>
    public IEnumerable<string> Messages => _errors.SelectMany(e => e.Value);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IResult ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        detail: string.Join(" ", _errors.SelectMany(e => e.Value)),
        title: "The request is not valid.");
}
