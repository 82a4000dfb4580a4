using System.Globalization;
using System.Text;
using System.Xml;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Features.FollowStatusChanges;

/// <summary>Status changes as an Atom 1.0 feed (RFC 4287): one entry per change, newest first, linking to the inspection's page.</summary>
internal static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(string id, string title, Uri self, Uri alternate, Uri origin, IReadOnlyList<StatusChangeEntry> changes)
    {
        var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, id);
            xml.WriteElementString("title", Atom, title);
            // A feed with no entries has not changed since the epoch: the same bytes (and ETag) every time.
            xml.WriteElementString("updated", Atom, Time(changes.Count > 0 ? changes.Max(c => c.ChangedAt) : DateTimeOffset.UnixEpoch));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", alternate, "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "HM Inspectorate of Probation");
            xml.WriteEndElement();
            foreach (var change in changes)
            {
                var page = new Uri(origin, $"/public/inspections/{change.InspectionId}#recommendation-{change.Number}");
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:tracking:recommendation:{change.RecommendationId}:version:{change.Version}");
                xml.WriteElementString("title", Atom, $"{change.ProviderName}: recommendation {change.Number} – {change.To.Describe()}");
                xml.WriteElementString("updated", Atom, Time(change.ChangedAt));
                Link(xml, "alternate", page, "text/html");
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", change.To.ToString());
                xml.WriteEndElement();
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Summary(change));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static string Summary(StatusChangeEntry change)
    {
        var on = UkCalendar.Today(change.ChangedAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return change.From is { } from
            ? $"Recommendation {change.Number} of “{change.InspectionTitle}” moved from {from.Describe()} to {change.To.Describe()} on {on}."
            : $"Recommendation {change.Number} of “{change.InspectionTitle}” was published on {on}.";
    }

    private static void Link(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
