using LeadAnalytics.Data;

namespace LeadAnalytics.Cli;

/// <summary>The leads file read with the common options, the as-of instant and, built once on demand, the LeadTable.</summary>
internal sealed class LeadData
{
    private LeadTable? _table;

    private LeadData(Loaded<Lead> import, Pipeline pipeline, DateTimeOffset asOf, bool asOfFromData, Currency? currency)
    {
        Import = import;
        Pipeline = pipeline;
        AsOf = asOf;
        AsOfFromData = asOfFromData;
        Currency = currency;
    }

    public Loaded<Lead> Import { get; }

    public IReadOnlyList<Lead> Leads => Import.Records;

    public Pipeline Pipeline { get; }

    public DateTimeOffset AsOf { get; }

    /// <summary>Whether <see cref="AsOf"/> is the latest event in the data rather than --as-of.</summary>
    public bool AsOfFromData { get; }

    public Currency? Currency { get; }

    public LeadTable Table => _table ??= Build();

    public static LeadData Load(string path, RunContext run)
    {
        var settings = run.Settings;
        var pipeline = settings.LoadPipeline();
        var import = InputFiles.Leads(path, settings.ReadOptions(pipeline), run);
        if (settings.ExplicitAsOf is { } asOf)
        {
            return new LeadData(import, pipeline, asOf, false, settings.ExpectedCurrency);
        }

        if (import.Records.Count == 0)
        {
            throw new CliException($"{path}: no lead to analyse ({import.RowsRead} rows read, {import.RowsRejected} rejected)");
        }

        // The default as-of is the data's own "now": its latest recorded event. The tool never reads the clock, so the same
        // files always give the same output; pass --as-of to analyse as of another instant.
        var latest = import.Records[0].LatestActivityAt();
        foreach (var lead in import.Records)
        {
            var t = lead.LatestActivityAt();
            if (t > latest)
            {
                latest = t;
            }
        }

        return new LeadData(import, pipeline, latest, true, settings.ExpectedCurrency);
    }

    private LeadTable Build()
    {
        try
        {
            return LeadTable.Build(Import.Records, new LeadTableOptions { Pipeline = Pipeline, Currency = Currency });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new CliException($"{Path.GetFileName(Import.Path)}: {InputFiles.OneLine(ex.Message)}");
        }
    }
}
