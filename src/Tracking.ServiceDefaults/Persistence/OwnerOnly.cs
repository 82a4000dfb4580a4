namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// Folders and files holding service data (databases, evidence, the signing key) are created readable by the
/// server's own user only, from the start: setting the mode after creation leaves a moment when others can read.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and any missing parents) as 0700; an existing folder is left as it is.</summary>
    public static string CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }

        return path;
    }

    /// <summary>Options for a new file created as 0600; fails if the file exists.</summary>
    public static FileStreamOptions NewFile(int bufferSize = 4096, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Creates an empty 0600 file unless one exists, so a database engine opening it later keeps that mode.</summary>
    public static void EnsureFile(string path)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            using var _ = new FileStream(path, NewFile());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (another process, or an earlier start): its mode is its owner's choice.
        }
    }
}
