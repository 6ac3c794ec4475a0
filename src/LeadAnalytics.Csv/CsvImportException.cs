namespace LeadAnalytics.Csv;

/// <summary>The file cannot be read as the expected table at all: it is empty, lacks a column the records need (a lead id or
/// acquired column), has a quote that is never closed or a character after a closing quote, a record longer than
/// 16 Mi characters, or bytes that are not valid in its encoding.</summary>
/// <remarks>Faults confined to a cell or a row are never thrown: they are reported as issues and the import goes on. This is
/// the only exception the readers throw for the content of a file (I/O failures surface as <see cref="IOException"/>).</remarks>
public sealed class CsvImportException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="file">The file, or <see langword="null"/>.</param>
    /// <param name="line">The 1-based line where the fault was found, or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying exception, or <see langword="null"/>.</param>
    public CsvImportException(string message, string? file, long? line, Exception? innerException = null)
        : base(Describe(message, file, line), innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file, or <see langword="null"/>.</summary>
    public string? File { get; }

    /// <summary>The 1-based line where the fault was found (where its record starts), or <see langword="null"/>.</summary>
    public long? Line { get; }

    private static string Describe(string message, string? file, long? line) =>
        (file is null && line is null ? string.Empty : $"{file}{(line is { } l ? "(" + l.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : string.Empty)}: ") + message;
}
