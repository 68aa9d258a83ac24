using System.CommandLine;

namespace AccuracyHarness.Cli.Commands;

/// <summary>`devices`: what the backends run on here (OpenCL platforms and devices, ONNX Runtime).</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the OpenCL platforms and devices and the ONNX Runtime library the backends use.");
        command.SetAction(_ =>
        {
            foreach (var (name, value) in BackendWiring.Environment())
                Console.WriteLine($"{name}: {value}");
            return ExitCodes.Success;
        });
        return command;
    }
}
