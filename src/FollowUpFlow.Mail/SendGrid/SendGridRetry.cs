using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace FollowUpFlow.Mail;

/// <summary>
/// The retry pipeline for answers that say "not taken now" (429, 5xx). Only answers are retried: an exception
/// (a timeout, a dropped connection) means the request may have arrived, and a second request could send twice.
/// </summary>
internal static class SendGridRetry
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Called before each wait with the answer being retried, the attempt that got it and the wait.</summary>
    public delegate void RetryObserver(SendGridAnswer answer, ResilienceContext context, int attempt, TimeSpan delay);

    public static ResiliencePipeline<SendGridAnswer> Build(int maxAttempts, TimeSpan maxRetryDelay, TimeProvider timeProvider, RetryObserver onRetry)
    {
        if (maxAttempts <= 1)
        {
            return ResiliencePipeline<SendGridAnswer>.Empty;
        }

        return new ResiliencePipelineBuilder<SendGridAnswer> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<SendGridAnswer>
            {
                MaxRetryAttempts = maxAttempts - 1,

                // Without a Retry-After: exponential backoff with jitter, capped.
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = maxRetryDelay,

                // A Retry-After longer than the cap ends the retries: waiting less than asked only earns another 429.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { IsNotTakenNow: true } answer
                    && !(RequestedDelay(answer.RetryAfter, timeProvider) > maxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } answer ? RequestedDelay(answer.RetryAfter, timeProvider) : null),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Result!, args.Context, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>The wait a Retry-After asks for (seconds or an HTTP date), never negative; null without one.</summary>
    public static TimeSpan? RequestedDelay(RetryConditionHeaderValue? retryAfter, TimeProvider timeProvider)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
