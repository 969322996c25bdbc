using ChurnWatch.Worker.Cli;

return await ChurnWatchCommandLine.RunAsync(args).ConfigureAwait(false);
