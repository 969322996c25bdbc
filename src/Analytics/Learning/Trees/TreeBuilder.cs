using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>The nodes of the tree being grown; reused from tree to tree.</summary>
internal sealed class TreeBuilder
{
    private readonly List<int> _feature = [];
    private readonly List<double> _threshold = [];
    private readonly List<int> _splitBin = [];
    private readonly List<bool> _defaultLeft = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _value = [];
    private readonly List<double> _cover = [];
    private readonly List<double> _gain = [];

    /// <summary>Per node of the last built tree, the value bin at or below which rows go left.</summary>
    public int[] SplitBins { get; private set; } = [];

    public void Clear()
    {
        _feature.Clear();
        _threshold.Clear();
        _splitBin.Clear();
        _defaultLeft.Clear();
        _left.Clear();
        _right.Clear();
        _value.Clear();
        _cover.Clear();
        _gain.Clear();
    }

    public int Add()
    {
        _feature.Add(-1);
        _threshold.Add(0);
        _splitBin.Add(0);
        _defaultLeft.Add(false);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(0);
        _cover.Add(0);
        _gain.Add(0);
        return _feature.Count - 1;
    }

    public void Split(int node, int feature, double threshold, int splitBin, bool defaultLeft, int left, int right, double gain)
    {
        _feature[node] = feature;
        _threshold[node] = threshold;
        _splitBin[node] = splitBin;
        _defaultLeft[node] = defaultLeft;
        _left[node] = left;
        _right[node] = right;
        _gain[node] = gain;
    }

    public void Leaf(int node, double value, double cover)
    {
        _value[node] = value;
        _cover[node] = cover;
    }

    public ShapTree Build()
    {
        // An inner node's cover is the sum of its children's, exactly, so TreeSHAP's weights add up; children come
        // after their parent, so one backward pass fills them.
        var cover = _cover.ToArray();
        for (var node = cover.Length - 1; node >= 0; node--)
        {
            if (_feature[node] >= 0)
            {
                cover[node] = cover[_left[node]] + cover[_right[node]];
            }
        }

        SplitBins = _splitBin.ToArray();
        return new ShapTree(_feature.ToArray(), _threshold.ToArray(), _defaultLeft.ToArray(), _left.ToArray(), _right.ToArray(), _value.ToArray(), cover, _gain.ToArray());
    }
}
