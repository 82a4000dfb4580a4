using Npgsql;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests;

/// <summary>
/// The tests' own clean-up: a host that throws while stopping must not leave its tracking_test_* database or its
/// virtual host behind, and the failure must still be reported.
/// </summary>
public sealed class When_a_test_world_fails_to_stop
{
    [Fact]
    public async Task The_database_and_virtual_host_are_removed_and_the_failure_is_rethrown()
    {
        var database = await TestDatabase.Create();
        var vhost = await TestVirtualHost.Create();
        var failingHost = Teardown.Step(() => throw new InvalidOperationException("the host failed to stop"));

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => Teardown.All(failingHost, vhost, database));

        failure.Message.ShouldBe("the host failed to stop");
        (await DatabaseExists(database.Name)).ShouldBeFalse();
        (await VirtualHostExists(vhost.Name)).ShouldBeFalse();
    }

    [Fact]
    public async Task Every_failure_is_reported_when_more_than_one_part_fails()
    {
        var database = await TestDatabase.Create();

        var failure = await Should.ThrowAsync<AggregateException>(() => Teardown.All(
            Teardown.Step(() => throw new InvalidOperationException("first")), database,
            Teardown.Step(() => throw new TimeoutException("second"))));

        failure.InnerExceptions.Select(e => e.Message).ShouldBe(["first", "second"]);
        (await DatabaseExists(database.Name)).ShouldBeFalse();
    }

    private static async Task<bool> DatabaseExists(string name)
    {
        await using var admin = new NpgsqlConnection(TestServices.PostgresAdmin);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<bool> VirtualHostExists(string name)
    {
        using var management = new HttpClient { BaseAddress = TestServices.RabbitMqManagement };
        management.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TestServices.RabbitMqUser}:{TestServices.RabbitMqPassword}")));
        return (await management.GetAsync($"api/vhosts/{name}")).IsSuccessStatusCode;
    }
}
