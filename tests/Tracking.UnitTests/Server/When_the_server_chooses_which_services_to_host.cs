using Microsoft.Extensions.Configuration;
using Tracking.Server;

namespace Tracking.UnitTests.Server;

public class When_the_server_chooses_which_services_to_host
{
    [Fact]
    public void With_no_configuration_it_hosts_every_service()
    {
        var roles = ServerRoles.From(Configuration());

        roles.ShouldBe(new ServerRoles(Recommendations: true, Scheduling: true, Planning: true, Identity: true, Public: true, Web: true, Notifications: true));
        roles.All.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Tracking:Roles")]
    [InlineData("roles")]
    public void All_hosts_every_service(string key)
    {
        var roles = ServerRoles.From(Configuration((key, "all")));

        roles.ShouldBe(new ServerRoles(Recommendations: true, Scheduling: true, Planning: true, Identity: true, Public: true, Web: true, Notifications: true));
        roles.All.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Tracking:Roles")]
    [InlineData("roles")]
    public void A_list_hosts_just_the_services_named(string key)
    {
        var roles = ServerRoles.From(Configuration((key, "scheduling,planning")));

        roles.ShouldBe(new ServerRoles(Recommendations: false, Scheduling: true, Planning: true));
        roles.All.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Planning")]
    [InlineData("PLANNING")]
    [InlineData(" planning ")]
    public void Role_names_ignore_case_and_surrounding_spaces(string value)
    {
        ServerRoles.From(Configuration(("Tracking:Roles", value)))
            .ShouldBe(new ServerRoles(Recommendations: false, Scheduling: false, Planning: true));
    }

    [Fact]
    public void All_alongside_named_roles_still_hosts_all_three()
    {
        ServerRoles.From(Configuration(("Tracking:Roles", "planning,all"))).All.ShouldBeTrue();
    }

    [Fact]
    public void The_roles_flag_wins_over_the_roles_setting_when_both_are_given()
    {
        var roles = ServerRoles.From(Configuration(("Tracking:Roles", "planning"), ("roles", "scheduling")));

        roles.ShouldBe(new ServerRoles(Recommendations: false, Scheduling: true, Planning: false));
    }

    [Theory]
    [InlineData("billing")]
    [InlineData("planning,billing")]
    public void An_unknown_role_stops_the_server_naming_it(string value)
    {
        var failure = Should.Throw<InvalidOperationException>(() => ServerRoles.From(Configuration(("Tracking:Roles", value))));

        failure.Message.ShouldContain("billing");
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ")]
    public void An_empty_list_of_roles_stops_the_server(string value)
    {
        Should.Throw<InvalidOperationException>(() => ServerRoles.From(Configuration(("Tracking:Roles", value))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
