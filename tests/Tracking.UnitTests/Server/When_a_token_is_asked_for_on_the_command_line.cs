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

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void It_is_refused_outside_development_unless_explicitly_allowed(string environment)
    {
        var (code, output, error) = RunIn(environment, ["token", "--role", "inspector"]);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("Tracking:Auth:AllowLocalTokens");
        File.Exists(Path.Combine(_dataFolder, "token-signing.key")).ShouldBeFalse();
    }

    [Fact]
    public void It_mints_outside_development_when_the_flag_allows_it()
    {
        var (code, output, _) = RunIn("Production", ["token", "--role", "planner"], ("Tracking:Auth:AllowLocalTokens", "true"));

        code.ShouldBe(0);
        new JsonWebToken(output.Trim()).GetClaim("role").Value.ShouldBe("planner");
    }

    [Fact]
    public void The_environment_option_is_not_taken_for_an_unknown_option()
    {
        var (code, _, _) = Run(["token", "--role", "planner", "--environment", "Development"]);

        code.ShouldBe(0);
    }

    private (int Code, string Output, string Error) Run(string[] args, params (string Key, string Value)[] settings) =>
        RunIn("Development", args, settings);

    private (int Code, string Output, string Error) RunIn(string environment, string[] args, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Tracking:DataFolder", _dataFolder)))
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TokenCommand.Run(args, configuration, environment, output, error);
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
