using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Learning.Calibration;

/// <summary>
/// The stored form of a fitted calibration map from a learner's raw probability to a calibrated one. Plain data, so it
/// can travel inside a model's JSON; <see cref="CalibrationSerializer"/> reads and writes it on its own. The JSON
/// carries a <c>method</c> discriminator (<c>platt</c> or <c>isotonic</c>) as its first property.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(PlattCalibration), PlattCalibration.MethodName)]
[JsonDerivedType(typeof(IsotonicCalibration), IsotonicCalibration.MethodName)]
public abstract record ProbabilityCalibration;
