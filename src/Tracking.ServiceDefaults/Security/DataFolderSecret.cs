using Tracking.ServiceDefaults.Persistence;

namespace Tracking.ServiceDefaults.Security;

/// <summary>A secret generated once into the data folder (owner-only) and read by every role of this install.</summary>
public static class DataFolderSecret
{
    public static string LoadOrCreate(string dataFolder, string fileName, Func<string> generate)
    {
        OwnerOnly.CreateFolder(dataFolder);
        var path = Path.Combine(dataFolder, fileName);
        if (!File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, OwnerOnly.NewFile());
                using var writer = new StreamWriter(stream);
                writer.Write(generate());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of this install created it first; use theirs.
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
