using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>Streams a tracking table straight into a <see cref="LeadTableBuilder"/>: rows are tokenized into batches (on a
/// second thread when there are two cores), each row parsed into one reused <see cref="LeadRecord"/>, checked by the engine's
/// rules and appended; no <see cref="Lead"/> object and no per-cell string for the repeating columns.</summary>
internal static class LeadTableImport
{
    internal static LeadTableImportResult Run(
        CsvRecordReader<Lead> reader, LeadRowParser parser, LeadTableOptions? tableOptions, bool? pipelined = null, int batchRows = 8192)
    {
        using (reader)
        {
            var context = reader.Context;
            var options = context.Options;
            tableOptions ??= new LeadTableOptions { Pipeline = options.Pipeline };
            if (tableOptions.Pipeline is { } p && p.Count != options.Pipeline.Count)
            {
                throw new ArgumentException($"The table's pipeline '{p.Name}' is not the CSV options' pipeline '{options.Pipeline.Name}'.", nameof(tableOptions));
            }

            var builder = new LeadTableBuilder(tableOptions);
            var issues = new List<DataQualityIssue>(reader.HeaderIssues);
            var rowIssues = new List<DataQualityIssue>();
            reader.ReadBatches(
                batch =>
                {
                    for (var r = 0; r < batch.Count; r++)
                    {
                        context.Line = batch.Lines[r];
                        rowIssues.Clear();
                        if (batch.Extras[r] is { } extras)
                        {
                            rowIssues.Add(context.Issue(DataQualityRule.ExtraFields, IssueSeverity.Warning,
                                $"The row has {batch.ExtraCounts[r]} value(s) beyond the named columns; they are not read.", null, extras));
                        }

                        var added = parser.ParseInto(new CsvCells(batch, r), context, rowIssues, builder);
                        if (!added && !HasError(rowIssues))
                        {
                            rowIssues.Add(context.Issue(DataQualityRule.InvalidRecord, IssueSeverity.Error, "The row could not be read as a record.", null, null));
                        }

                        reader.CountRow(rejected: !added);
                        issues.AddRange(rowIssues);
                    }
                },
                pipelined ?? Environment.ProcessorCount > 1,
                batch => parser.Prepare(batch, options),
                batchRows);

            return new LeadTableImportResult(builder.ToTable(), issues, reader.RowsRead, reader.RowsRejected, reader.File, reader.Delimiter,
                reader.EncodingName, reader.Headers);
        }
    }

    private static bool HasError(List<DataQualityIssue> issues)
    {
        foreach (var issue in issues)
        {
            if (issue.Severity == IssueSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
