using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>The job title: labelled, in a sentence, or between the subject's separators, in three languages.</summary>
public sealed class RoleFinderTests
{
    [Theory]
    // Labelled.
    [InlineData("Interview", "Position: Senior Backend Engineer\nDate: Tuesday", "Senior Backend Engineer")]
    [InlineData("Interview", "Job title: Clinical Data Analyst", "Clinical Data Analyst")]
    [InlineData("Einladung", "Stelle: Teamleiter Logistik (m/w/d)", "Teamleiter Logistik")]
    [InlineData("Entretien", "Poste : Développeur Full Stack (H/F)", "Développeur Full Stack")]
    // In a sentence.
    [InlineData("Interview", "Thank you for applying for the Clinical Data Analyst position.", "Clinical Data Analyst")]
    [InlineData("Interview", "We are considering you for the role of Product Manager on our payments team.", "Product Manager")]
    [InlineData("Interview", "We'd like to interview you for the Staff Software Engineer role.", "Staff Software Engineer")]
    [InlineData("Einladung", "Vielen Dank für Ihre Bewerbung für die Position als Softwareentwickler (m/w/d).", "Softwareentwickler")]
    [InlineData("Einladung", "Ihre Bewerbung als Data Engineer (w/m/d) hat uns überzeugt.", "Data Engineer")]
    [InlineData("Entretien", "Nous vous remercions pour votre candidature pour le poste de Chef de Projet Digital.", "Chef de Projet Digital")]
    [InlineData("Entretien", "Votre candidature au poste d'Analyste Financier (F/H) a retenu notre attention.", "Analyste Financier")]
    // Between the subject's separators.
    [InlineData("Onsite Interview: Alex Morgan - Senior Backend Engineer", "See you Thursday.", "Senior Backend Engineer")]
    [InlineData("Interview confirmation - Clinical Data Analyst", "See you Thursday.", "Clinical Data Analyst")]
    [InlineData("Entretien RH – Chef de projet digital @ Fabrikam", "À mardi.", "Chef de projet digital")]
    [InlineData("Vorstellungsgespräch | Teamleiter Logistik (m/w/d)", "Bis Dienstag.", "Teamleiter Logistik")]
    public void Finds_the_title(string subject, string body, string expected)
    {
        var (role, confidence) = RoleFinder.Find(subject, body);

        Assert.Equal(expected, role);
        Assert.InRange(confidence, 0.3, 0.95);
    }

    [Theory]
    [InlineData("(m/w/d)")]
    [InlineData("(w/m/d)")]
    [InlineData("(f/m/x)")]
    [InlineData("(H/F)")]
    [InlineData("(all genders)")]
    public void Gender_markers_are_not_part_of_the_title(string marker)
    {
        var (role, _) = RoleFinder.Find("Einladung", $"Position: Softwareentwickler {marker}");

        Assert.Equal("Softwareentwickler", role);
    }

    [Theory]
    [InlineData("Phone screen", "Looking forward to our call on Tuesday.")]
    [InlineData("Onsite - next steps", "Please bring an ID.")]
    [InlineData("", "")]
    public void No_title_named_is_no_role(string subject, string body)
    {
        var (role, confidence) = RoleFinder.Find(subject, body);

        Assert.Null(role);
        Assert.Equal(0, confidence);
    }

    [Theory]
    [InlineData("Your interview", "See you then.")]
    [InlineData("Your interview with Contoso", "See you then.")]
    [InlineData("Upcoming interview", "See you then.")]
    public void A_word_before_interview_in_the_subject_is_not_a_role(string subject, string body) =>
        Assert.Null(RoleFinder.Find(subject, body).Role);

    [Fact]
    public void A_labelled_title_outweighs_a_passing_mention()
    {
        var (role, _) = RoleFinder.Find("Interview", "Position: Senior Data Engineer\n\nYou'll meet our Engineering Manager and a Product Designer.");

        Assert.Equal("Senior Data Engineer", role);
    }
}
