using BenchmarkDotNet.Running;

// BenchmarkDotNet entry point: `-- --filter '*'` runs everything; `-- profile ...` runs quick wall-clock timings.
// See benchmarks/README.md.
if (args.Length > 1 && args[0] == "profile" && args[1] == "attribution")
{
    LeadAnalytics.Benchmarks.AttributionProfile.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "survival")
{
    LeadAnalytics.Benchmarks.SurvivalComparison.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "profile")
{
    LeadAnalytics.Benchmarks.Profile.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "pushdown-parquet")
{
    LeadAnalytics.Benchmarks.PushDownComparison.RunParquet(args);
    return;
}

if (args.Length > 0 && args[0] == "parquet-write")
{
    LeadAnalytics.Benchmarks.ParquetChecks.Write(args);
    return;
}

if (args.Length > 0 && args[0] == "parquet-check")
{
    LeadAnalytics.Benchmarks.ParquetChecks.Check(args);
    return;
}

if (args.Length > 0 && args[0] == "parquet-readback")
{
    LeadAnalytics.Benchmarks.ParquetChecks.ReadBack(args);
    return;
}

if (args.Length > 0 && args[0] == "parquet-profile")
{
    LeadAnalytics.Benchmarks.ParquetChecks.Profile(args);
    return;
}

if (args.Length > 0 && args[0] == "csv-write")
{
    LeadAnalytics.Benchmarks.ParquetChecks.WriteCsv(args);
    return;
}

if (args.Length > 0 && args[0] == "pushdown-postgres")
{
    LeadAnalytics.Benchmarks.PushDownPostgres.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "pushdown")
{
    LeadAnalytics.Benchmarks.PushDownComparison.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "compare-csv")
{
    LeadAnalytics.Benchmarks.CompareCsv.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "duckdb-csv")
{
    LeadAnalytics.Benchmarks.CompareCsv.DuckDbChild(args);
    return;
}

if (args.Length > 0 && args[0] == "compare")
{
    LeadAnalytics.Benchmarks.Comparison.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LeadAnalytics.Benchmarks.SyntheticLeads).Assembly).Run(args);
