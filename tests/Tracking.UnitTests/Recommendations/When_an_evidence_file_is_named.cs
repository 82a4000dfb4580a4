using Tracking.Recommendations.Evidence;

namespace Tracking.UnitTests.Recommendations;

public sealed class When_an_evidence_file_is_named
{
    [Fact]
    public void A_right_to_left_override_cannot_disguise_the_extension()
    {
        // Shown unstripped, "invoice\u202Etxt.exe" reads as "invoiceexe.txt".
        EvidenceFileName.DisplayName("invoice\u202Etxt.exe").ShouldBe("invoicetxt.exe");
    }

    [Theory]
    [InlineData("a\u200Bb.pdf", "ab.pdf")]
    [InlineData("a\u2066b\u2069.pdf", "ab.pdf")]
    [InlineData("\uFEFFplan.docx", "plan.docx")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    public void Invisible_format_and_control_characters_are_removed(string sent, string shown)
    {
        EvidenceFileName.DisplayName(sent).ShouldBe(shown);
    }

    [Fact]
    public void Ordinary_names_in_any_script_are_kept()
    {
        EvidenceFileName.DisplayName(@"C:\Users\me\Cynllun gweithredu – ŵyr.pdf").ShouldBe("Cynllun gweithredu – ŵyr.pdf");
    }
}
