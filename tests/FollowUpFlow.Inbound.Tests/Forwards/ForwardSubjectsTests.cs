using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Forward and reply prefixes in English, German and French, stacked as threads grow.</summary>
public sealed class ForwardSubjectsTests
{
    [Theory]
    [InlineData("Re: Fwd: Interview", "Interview")]
    [InlineData("RE: RE: FW: Interview", "Interview")]
    [InlineData("Fwd: Fwd: Fwd: Interview", "Interview")]
    [InlineData("WG: AW: Einladung zum Gespräch", "Einladung zum Gespräch")]
    [InlineData("AW: WG: AW: Termin", "Termin")]
    [InlineData("TR : RE : Entretien", "Entretien")]
    [InlineData("TR: Réf : Entretien", "Entretien")]
    [InlineData("[Fwd: Interview confirmation]", "Interview confirmation")]
    [InlineData("Fwd: [Fwd: Interview]", "Interview")]
    [InlineData("Re: [Fwd: Re: Interview]", "Interview")]
    [InlineData("Re:Interview", "Interview")]
    [InlineData("Fw: Rv: SV: Antw: Offer", "Offer")]
    [InlineData("  Fwd:   Interview  ", "Interview")]
    [InlineData("Interview: Fwd: notes", "Interview: Fwd: notes")]
    [InlineData("Reminder: interview tomorrow", "Reminder: interview tomorrow")]
    [InlineData("Rescheduled: Onsite", "Rescheduled: Onsite")]
    [InlineData("Tracking: offer", "Tracking: offer")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Strip_removes_every_stacked_prefix(string? subject, string expected) =>
        Assert.Equal(expected, ForwardSubjects.Strip(subject));

    [Theory]
    [InlineData("Fwd: Interview", true)]
    [InlineData("FW: Interview", true)]
    [InlineData("WG: Einladung", true)]
    [InlineData("TR: Entretien", true)]
    [InlineData("Fwd : Entretien", true)]
    [InlineData("[Fwd: Interview]", true)]
    [InlineData("  fwd: lower case", true)]
    [InlineData("Re: Interview", false)]
    [InlineData("AW: Einladung", false)]
    [InlineData("Forward planning", false)]
    [InlineData("Interview", false)]
    [InlineData(null, false)]
    public void Forward_prefix_is_told_from_a_reply_prefix(string? subject, bool forwarded) =>
        Assert.Equal(forwarded, ForwardSubjects.HasForwardPrefix(subject));
}
