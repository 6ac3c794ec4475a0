using System.Text;
using LeadAnalytics.Cli;

// The leadanalytics tool. Everything happens in CliApp.Run, which tests call in-process with their own writers.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CliApp.Run(args, Console.Out, Console.Error);
