namespace Tracking.BrowserTests.Infrastructure;

/// <summary>Small real files whose content matches their type, as the API's content check requires.</summary>
public static class EvidenceFiles
{
    public static FilePayload Pdf(string name = "action-plan.pdf") => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    };

    public static FilePayload Png(string name = "home-visits-chart.png") => new()
    {
        Name = name,
        MimeType = "image/png",
        Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="),
    };
}
