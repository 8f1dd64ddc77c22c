using Infra;

Warmup.Start();

// stdout carries the program for the engine; everything else goes to stderr.
return Cli.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());
