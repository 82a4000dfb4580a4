using System.Net.Sockets;

namespace Tracking.ServiceDefaults.Http;

/// <summary>
/// A database that is restarting or briefly unreachable: the request did not happen and may be sent again, so it
/// is a 503 with Retry-After, not a 500 that reads as a bug.
/// </summary>
internal static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 08xxx connection failures, 53xxx out of resources.
                case Npgsql.PostgresException postgres when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                                            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal):
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException:
                    return true;
            }
        }

        return false;
    }
}
