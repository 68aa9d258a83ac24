using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Mutants;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Mutants;

/// <summary>A fault the generator wrote into the direct kernel: its name, what it is, the patched source and its own model.</summary>
/// <param name="Planted">The planted fault as a mapping of the case's kernel: what the patched kernel should write.</param>
public sealed record GeneratedMutant(string Name, string Description, string Source, Func<CaseMemory, KernelMapping> Planted)
{
    /// <summary>The patched kernel as a user's kernel on the device, with the planted fault's prediction checked beside it.</summary>
    public PlantedCheck Backend(OpenClDevice device) =>
        new(new ExternalDeconvBackend(MutantCatalogue.Manifest(Name, KernelRole.Deconv, KernelSource.DeconvDirect, _ => Source), device,
            OpenClOptions.Default), Planted);
}
