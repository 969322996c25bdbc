namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Exact path-dependent TreeSHAP (Lundberg, Erion and Lee, "Consistent individualized feature attribution for tree
/// ensembles", Algorithm 2): polynomial in depth, weighing the branches a row does not follow by the training cover.
/// </summary>
internal static class TreeShap
{
    /// <summary>Adds the tree's contributions for the row to <paramref name="phi"/> (one slot per column).</summary>
    public static void Add(ShapTree tree, ReadOnlySpan<double> row, Span<double> phi)
    {
        var maxDepth = MaxDepth(tree, 0);
        var path = new PathElement[(maxDepth + 2) * (maxDepth + 3) / 2];
        Recurse(tree, row, phi, 0, path, 0, 0, 1, 1, -1);
    }

    private static int MaxDepth(ShapTree tree, int node) =>
        tree.IsLeaf(node) ? 0 : 1 + Math.Max(MaxDepth(tree, tree.Left[node]), MaxDepth(tree, tree.Right[node]));

    private static void Recurse(ShapTree tree, ReadOnlySpan<double> row, Span<double> phi, int node, PathElement[] paths, int parentStart, int depth, double zeroFraction, double oneFraction, int slot)
    {
        // Each level works on its own copy of the path, placed after the parent's.
        var start = parentStart + depth;
        if (depth > 0)
        {
            Array.Copy(paths, parentStart, paths, start, depth);
        }
        else
        {
            start = 0;
        }

        var path = paths.AsSpan(start);
        Extend(path, depth, zeroFraction, oneFraction, slot);
        if (tree.IsLeaf(node))
        {
            for (var i = 1; i <= depth; i++)
            {
                var weight = UnwoundSum(path, depth, i);
                phi[path[i].Slot] += weight * (path[i].OneFraction - path[i].ZeroFraction) * tree.Value[node];
            }

            return;
        }

        var split = tree.Slot[node];
        var v = row[split];
        var goLeft = double.IsNaN(v) ? tree.DefaultLeft[node] : v <= tree.Threshold[node];
        var (hot, cold) = goLeft ? (tree.Left[node], tree.Right[node]) : (tree.Right[node], tree.Left[node]);
        var cover = tree.Cover[node];
        var hotZero = tree.Cover[hot] / cover;
        var coldZero = tree.Cover[cold] / cover;
        double incomingZero = 1, incomingOne = 1;

        // A slot met again on the path: undo its earlier split so it counts once.
        var index = 0;
        for (; index <= depth; index++)
        {
            if (path[index].Slot == split)
            {
                break;
            }
        }

        if (index != depth + 1)
        {
            incomingZero = path[index].ZeroFraction;
            incomingOne = path[index].OneFraction;
            Unwind(path, depth, index);
            depth--;
        }

        Recurse(tree, row, phi, hot, paths, start, depth + 1, hotZero * incomingZero, incomingOne, split);
        Recurse(tree, row, phi, cold, paths, start, depth + 1, coldZero * incomingZero, 0, split);
    }

    private static void Extend(Span<PathElement> path, int depth, double zeroFraction, double oneFraction, int slot)
    {
        path[depth] = new PathElement { Slot = slot, ZeroFraction = zeroFraction, OneFraction = oneFraction, Weight = depth == 0 ? 1 : 0 };
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) / (depth + 1);
            path[i].Weight = zeroFraction * path[i].Weight * (depth - i) / (depth + 1);
        }
    }

    private static void Unwind(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var next = path[depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = path[i].Weight;
                path[i].Weight = next * (depth + 1) / ((i + 1) * one);
                next = kept - (path[i].Weight * zero * (depth - i) / (depth + 1));
            }
            else
            {
                path[i].Weight = path[i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            path[i].Slot = path[i + 1].Slot;
            path[i].ZeroFraction = path[i + 1].ZeroFraction;
            path[i].OneFraction = path[i + 1].OneFraction;
        }
    }

    private static double UnwoundSum(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var next = path[depth].Weight;
        double total = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var part = next * (depth + 1) / ((i + 1) * one);
                total += part;
                next = path[i].Weight - (part * zero * (depth - i) / (depth + 1));
            }
            else
            {
                total += path[i].Weight / zero / ((depth - i) / (double)(depth + 1));
            }
        }

        return total;
    }

    private struct PathElement
    {
        public int Slot;
        public double ZeroFraction;
        public double OneFraction;
        public double Weight;
    }
}
