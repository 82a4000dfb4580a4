using System.Net;
using System.Text.Json;

namespace Tracking.Web.Api;

/// <summary>An API answer: the value when it succeeded, otherwise its status and problem details for the page's error summary.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, JsonElement Problem)
{
    public bool Succeeded => (int)Status is >= 200 and < 300 && Value is not null;

    /// <summary>Another provider's recommendation is a 404 too: the page says "not found" either way.</summary>
    public bool NotFound => Status == HttpStatusCode.NotFound;

    public bool Forbidden => Status == HttpStatusCode.Forbidden;
}
