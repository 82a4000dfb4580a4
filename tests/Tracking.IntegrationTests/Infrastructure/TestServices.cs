namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real RabbitMQ and PostgreSQL started by deploy/start-services.sh listen. If they are not running,
/// the tests that need them fail with the connection error: a missing service is never a silent skip.
/// </summary>
public static class TestServices
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("TRACKING_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=tracking;Password=tracking;Database=tracking_tests";

    public static string RabbitMqHost => Environment.GetEnvironmentVariable("TRACKING_TEST_RABBITMQ_HOST") ?? "127.0.0.1";

    public static int RabbitMqPort => int.Parse(Environment.GetEnvironmentVariable("TRACKING_TEST_RABBITMQ_PORT") ?? "5672");

    public static Uri RabbitMqManagement =>
        new(Environment.GetEnvironmentVariable("TRACKING_TEST_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15672/");

    public static string RabbitMqUser => Environment.GetEnvironmentVariable("TRACKING_TEST_RABBITMQ_USER") ?? "guest";

    public static string RabbitMqPassword => Environment.GetEnvironmentVariable("TRACKING_TEST_RABBITMQ_PASSWORD") ?? "guest";
}
