using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FollowUpFlow.Mail.Tests.Support;

/// <summary>Keeps every formatted line of every category, exceptions included, at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{logLevel} {category} {eventId.Id} {formatter(state, exception)} [{properties}] {exception}");
        }
    }
}
