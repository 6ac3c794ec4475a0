using BenchmarkDotNet.Running;

// BenchmarkDotNet entry point: `-- --filter '*'` runs everything; see benchmarks/README.md.
BenchmarkSwitcher.FromAssembly(typeof(LeadAnalytics.Benchmarks.SyntheticLeads).Assembly).Run(args);
