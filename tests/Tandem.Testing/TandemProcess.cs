using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// A real Tandem process (silo-only node or Api) started from the build output, so fault tests can stop
/// it cleanly or kill it with SIGKILL. Its console output is kept for the failure message.
/// </summary>
public sealed class TandemProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _watchers = [];

    private TandemProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A silo of the cluster; <paramref name="settings"/> adds to (or overrides) its environment.</summary>
    public static TandemProcess Silo(string name, ClusterSettings cluster, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Tandem__Cluster__SiloPort"] = Invariant(siloPort),
            ["Tandem__Cluster__GatewayPort"] = Invariant(gatewayPort),
            ["Urls"] = $"http://127.0.0.1:{Invariant(FreePort())}",
        };
        return Start(name, "Silo", "Tandem.Silo.dll", cluster, environment);
    }

    /// <summary>An Api node of the cluster; <paramref name="settings"/> adds to (or overrides) its environment.</summary>
    public static TandemProcess Api(string name, ClusterSettings cluster, int httpPort, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Urls"] = $"http://127.0.0.1:{Invariant(httpPort)}",
        };
        return Start(name, "Api", "Tandem.Api.dll", cluster, environment);
    }

    /// <summary>The stand-alone development issuer (<c>Tandem.Api.dll dev-issuer</c>).</summary>
    public static TandemProcess DevIssuer(string name, int httpPort, string keyPath)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(BuildOutput("Api"), "Tandem.Api.dll"), "dev-issuer"])
        {
            WorkingDirectory = BuildOutput("Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{Invariant(httpPort)}";
        start.Environment["Tandem__Auth__DevKeyPath"] = keyPath;
        return Launch(name, start);
    }

    /// <summary>
    /// The Api as <c>dotnet run --project Api</c> starts it (embedded silo, demo city) on <paramref name="httpPort"/>, with
    /// its own silo ports and development key, so it disturbs nothing else on the machine.
    /// </summary>
    public static TandemProcess EmbeddedApi(string name, int httpPort, string keyPath)
    {
        var directory = BuildOutput("Api");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Tandem.Api.dll")])
        {
            WorkingDirectory = Path.Combine(Repository.Root, "Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{Invariant(httpPort)}";
        start.Environment["Tandem__Cluster__SiloPort"] = Invariant(FreePort());
        start.Environment["Tandem__Cluster__GatewayPort"] = Invariant(FreePort());
        start.Environment["Tandem__Cluster__ClusterId"] = "sim-" + Guid.NewGuid().ToString("N")[..8];
        start.Environment["Tandem__Auth__DevKeyPath"] = keyPath;
        start.Environment["Tandem__Dashboard__Enabled"] = "false";
        KeepIntentAside(start);
        return Launch(name, start);
    }

    /// <summary>Test processes serve the baseline purchase-intent model and log no sessions, whatever the user's own folders hold.</summary>
    private static void KeepIntentAside(ProcessStartInfo start)
    {
        start.Environment["Tandem__Intent__Log"] = "false";
        start.Environment["Tandem__Intent__ModelFolder"] = Path.Combine(Path.GetTempPath(), "tandem-tests", "no-intent-models");
    }

    /// <summary>The simulator (<c>dotnet run --project Simulator</c>) against the Tandem at <paramref name="url"/>.</summary>
    public static TandemProcess Simulator(string name, string url, params string[] args)
    {
        var directory = BuildOutput("Simulator");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Tandem.Simulator.dll"), "--url", url, .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Launch(name, start);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Completes when the process prints a line containing <paramref name="fragment"/>; fails if it exits first.</summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan deadline)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(fragment, StringComparison.Ordinal))
            {
                return;
            }

            _watchers.Add((fragment, seen));
        }

        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited before printing \"{fragment}\".\n{Output}");
        }

        try
        {
            await seen.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not print \"{fragment}\" within {deadline.TotalSeconds} s.\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, then wait for a clean exit (SIGKILL after the grace period).</summary>
    /// <summary>The exit code once the process has ended by itself within <paramref name="deadline"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} was still running after {deadline.TotalSeconds} s.\n{Output}");
        }

        return _process.ExitCode;
    }

    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", Invariant(_process.Id)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not stop within {grace.TotalSeconds} s of SIGTERM.\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static TandemProcess Start(string name, string project, string dll, ClusterSettings cluster, Dictionary<string, string> settings)
    {
        var directory = BuildOutput(project);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, dll)])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Tandem"] = cluster.ConnectionString;
        start.Environment["Tandem__Cluster__ClusterId"] = cluster.ClusterId;
        start.Environment["Tandem__Cluster__ServiceId"] = cluster.ClusterId;
        start.Environment["Tandem__Demo__Seed"] = "false";
        start.Environment["Tandem__RateLimits__OrdersPerMinute"] = "1000000"; // fault tests load one client address
        start.Environment["Tandem__RateLimits__EventBatchesPerMinute"] = "1000000";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        KeepIntentAside(start);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return Launch(name, start);
    }

    private static TandemProcess Launch(string name, ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var result = new TandemProcess(name, process);
        process.OutputDataReceived += (_, e) => result.Append(e.Data);
        process.ErrorDataReceived += (_, e) => result.Append(e.Data);
        process.Exited += (_, _) => result.FailWatchers();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>The project's own build output, in the configuration and framework these tests were built for.</summary>
    private static string BuildOutput(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/bin/Debug/net10.0
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        return Path.Combine(Repository.Root, project, "bin", configuration, framework);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }

            foreach (var watcher in _watchers.Where(w => line.Contains(w.Fragment, StringComparison.Ordinal)).ToList())
            {
                watcher.Seen.TrySetResult();
                _watchers.Remove(watcher);
            }
        }
    }

    private void FailWatchers()
    {
        lock (_output)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Seen.TrySetException(new InvalidOperationException($"{Name} exited.\n{_output}"));
            }

            _watchers.Clear();
        }
    }
}

/// <summary>Which database and cluster id a set of processes share.</summary>
public sealed record ClusterSettings(string ConnectionString, string ClusterId);
