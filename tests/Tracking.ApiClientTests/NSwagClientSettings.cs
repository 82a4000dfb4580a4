namespace Tracking.ApiClientTests.NSwag;

public partial class TrackingNSwagClient
{
    /// <summary>Keeps each answer's text, so a failed step shows the problem details the server sent.</summary>
    partial void Initialize() => ReadResponseAsString = true;

    /// <summary>
    /// NSwag's System.Text.Json output converts single enumeration values but not lists of them (a TODO in its
    /// template); integrators add the general converter, as here, so addressees go out as names.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
        settings.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
}
