using Microsoft.ML;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>ML.NET contexts as ChurnWatch uses them: seeded, quiet, and able to load every model part it saves.</summary>
internal static class MlNetContext
{
    public static MLContext Create(int seed)
    {
        var ml = new MLContext(seed);
        // Model.Load finds the classes of a saved model's parts in registered assemblies.
        ml.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.FastTree.RegressionTreeBase).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Transforms.ExpressionTransformer).Assembly);
        return ml;
    }
}
