using Microsoft.EntityFrameworkCore;

namespace Tracking.ServiceDefaults.Persistence;

public static class TableNames
{
    /// <summary>The quoted schema-qualified table of an entity, from the model: for raw claim SQL, nothing from outside.</summary>
    public static string QualifiedTable<TEntity>(this DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }
}
