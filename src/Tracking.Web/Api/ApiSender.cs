using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Tracking.Web.Api;

/// <summary>
/// What every typed API client of the portal shares: the request with an Idempotency-Key on writes, the answer read as
/// JSON or as problem details, and the registration with the API's address and the signed-in person's token.
/// </summary>
internal static class ApiSender
{
    public static async Task<ApiResult<T>> Send<T>(HttpClient http, HttpMethod method, string path, object? body = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = content ?? (body is null
                ? (method == HttpMethod.Get ? null : JsonContent.Create(new { }, options: TrackingApi.Json))
                : JsonContent.Create(body, options: TrackingApi.Json)),
        };
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        if (answer.IsSuccessStatusCode)
        {
            // A 204 has no body to read.
            return new ApiResult<T>(answer.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<T>(text, TrackingApi.Json), default);
        }

        var problem = text.Length > 0 && answer.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new ApiResult<T>(answer.StatusCode, default, problem);
    }

    /// <summary>A typed client against the API's address with the person's token; reads are retried on a brief failure, writes are not
    /// (a person sees the error and can send again).</summary>
    public static IServiceCollection AddPortalApiClient<TClient>(this IServiceCollection services, Uri? apiBase) where TClient : class
    {
        services.AddHttpClient<TClient>(http => http.BaseAddress = ApiAddressHandler.Placeholder)
            .AddHttpMessageHandler(s => new ApiAddressHandler(s.GetRequiredService<IHttpContextAccessor>(), apiBase))
            .AddHttpMessageHandler<PersonTokenHandler>()
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
        return services;
    }
}
