using LeadAnalytics.Csv;
using LeadAnalytics.Data;

namespace LeadAnalytics.Cli;

/// <summary>The leads file streamed straight into a <see cref="LeadTable"/> (no <see cref="Lead"/> objects), the import's
/// issues and counts, and the as-of instant.</summary>
internal sealed class LeadData
{
    private LeadData(LoadedTable import, Pipeline pipeline, DateTimeOffset asOf, bool asOfFromData, Currency? currency)
    {
        Import = import;
        Pipeline = pipeline;
        AsOf = asOf;
        AsOfFromData = asOfFromData;
        Currency = currency;
    }

    public LoadedTable Import { get; }

    public Pipeline Pipeline { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>Whether <see cref="AsOf"/> is the latest event in the data rather than --as-of.</summary>
    public bool AsOfFromData { get; }

    public Currency? Currency { get; }

    public LeadTable Table => Import.Table;

    /// <summary>Reads the leads file; with <paramref name="allowEmpty"/> (validate) a file whose every row is rejected still
    /// loads, as of the --as-of instant or the Unix epoch, so its rows can be listed.</summary>
    public static LeadData Load(string path, RunContext run, bool allowEmpty = false)
    {
        var settings = run.Settings;
        var pipeline = settings.LoadPipeline();
        var import = InputFiles.LeadTable(path, settings.ReadOptions(pipeline), new LeadTableOptions { Pipeline = pipeline, Currency = settings.ExpectedCurrency }, run);
        if (settings.ExplicitAsOf is { } asOf)
        {
            return new LeadData(import, pipeline, asOf, false, settings.ExpectedCurrency);
        }

        // The default as-of is the data's own "now": its latest recorded event. The tool never reads the clock, so the same
        // files always give the same output; pass --as-of to analyse as of another instant.
        if (import.Table.LatestEvent is { } utc)
        {
            var latest = utc.ToOffset(settings.TimeZone.GetUtcOffset(utc));
            return new LeadData(import, pipeline, latest, true, settings.ExpectedCurrency);
        }

        if (allowEmpty)
        {
            return new LeadData(import, pipeline, DateTimeOffset.UnixEpoch, true, settings.ExpectedCurrency);
        }

        throw new CliException($"{path}: no lead to analyse ({import.RowsRead} rows read, {import.RowsRejected} rejected; `leadanalytics validate` lists why)");
    }
}
