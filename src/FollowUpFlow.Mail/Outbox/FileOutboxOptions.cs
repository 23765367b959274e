using System.ComponentModel.DataAnnotations;

namespace FollowUpFlow.Mail;

/// <summary>Where the file outbox writes its <c>.eml</c> files.</summary>
public sealed class FileOutboxOptions
{
    public const string SectionName = "FollowUpFlow:Outbox";

    /// <summary>The outbox folder; created on first send if missing. Relative paths resolve against the current directory.</summary>
    [Required]
    public string Folder { get; set; } = "";
}
