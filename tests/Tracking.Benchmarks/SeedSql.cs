using Npgsql;

namespace Tracking.Benchmarks;

/// <summary>
/// Builds INSERT … SELECT … FROM generate_series statements against a table as it is in the database now, so a column
/// added by a later migration gets a harmless value instead of breaking the seed: the benchmark names the columns it
/// cares about, and every other NOT NULL column without a default gets the zero of its type.
/// </summary>
public static class SeedSql
{
    public static async Task<string> Insert(NpgsqlConnection connection, string schema, string table,
        IReadOnlyDictionary<string, string> values, string from)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name, is_nullable, column_default, data_type FROM information_schema.columns "
            + "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        var expressions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var nullable = reader.GetString(1) == "YES";
                var hasDefault = !reader.IsDBNull(2);
                var type = reader.GetString(3);
                if (values.TryGetValue(name, out var expression))
                {
                    columns.Add(Quote(name));
                    expressions.Add(expression);
                }
                else if (!nullable && !hasDefault)
                {
                    columns.Add(Quote(name));
                    expressions.Add(Zero(type));
                }
            }
        }

        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"Table {schema}.{table} does not exist (has its migration run?).");
        }

        var missing = values.Keys.Where(k => !columns.Contains(Quote(k))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Table {schema}.{table} has no column(s) {string.Join(", ", missing)}: the benchmark's seed is out of date.");
        }

        return $"INSERT INTO {Quote(schema)}.{Quote(table)} ({string.Join(", ", columns)}) SELECT {string.Join(", ", expressions)} {from}";
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private static string Zero(string type) => type switch
    {
        "uuid" => "gen_random_uuid()",
        "boolean" => "false",
        "smallint" or "integer" or "bigint" or "numeric" or "real" or "double precision" => "0",
        "date" => "current_date",
        "timestamp with time zone" or "timestamp without time zone" => "now()",
        "interval" => "interval '0'",
        "ARRAY" => "'{}'",
        "jsonb" or "json" => "'{}'",
        "bytea" => "''::bytea",
        _ => "''",
    };
}
