using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Tracking.Server;

namespace Tracking.UnitTests.Server;

public sealed class When_a_token_is_asked_for_on_the_command_line : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-unit", Guid.NewGuid().ToString("N"));

    [Fact]
    public void It_prints_a_token_carrying_the_role_providers_and_name()
    {
        var (code, output, _) = Run(["token", "--role", "provider-manager", "--provider", "northumbria-crc", "--name", "Sam Manager"]);

        code.ShouldBe(0);
        var token = new JsonWebToken(output.Trim());
        token.GetClaim("role").Value.ShouldBe("provider-manager");
        token.GetClaim("provider_id").Value.ShouldBe("northumbria-crc");
        token.GetClaim("name").Value.ShouldBe("Sam Manager");
        token.Audiences.ShouldBe(["tracking-api"]);
        File.Exists(Path.Combine(_dataFolder, "token-signing.key")).ShouldBeTrue();
    }

    [Fact]
    public void It_is_refused_when_tokens_come_from_an_external_authority()
    {
        var (code, output, error) = Run(["token", "--role", "inspector"], ("Tracking:Auth:Authority", "https://login.example.gov.uk"));

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("https://login.example.gov.uk");
    }

    [Theory]
    [InlineData("--role", "auditor")]
    [InlineData("--role", "provider-manager")]
    [InlineData("--name", "Nobody")]
    public void A_bad_request_explains_itself_and_prints_no_token(string option, string value)
    {
        var (code, output, error) = Run(["token", option, value]);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    private (int Code, string Output, string Error) Run(string[] args, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Tracking:DataFolder", _dataFolder)))
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TokenCommand.Run(args, configuration, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
