using Microsoft.Extensions.Options;

namespace FollowUpFlow.Mail;

/// <summary>Checks <see cref="FileOutboxOptions"/> at start-up rather than at the first send.</summary>
public sealed class FileOutboxOptionsValidator : IValidateOptions<FileOutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, FileOutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            return ValidateOptionsResult.Fail($"{FileOutboxOptions.SectionName}:{nameof(FileOutboxOptions.Folder)} is required.");
        }

        if (options.Folder.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ValidateOptionsResult.Fail($"{FileOutboxOptions.SectionName}:{nameof(FileOutboxOptions.Folder)} contains characters not allowed in a path.");
        }

        return ValidateOptionsResult.Success;
    }
}
