namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// The 64 decisions of one split in a block of ranks (<see cref="BlockScorer"/>): bit r set when row r's rank is
/// above the split's rank, i.e. the row goes right. Implemented by structs, so generic callers compile one loop
/// per implementation.
/// </summary>
internal interface ISplitTest
{
    static abstract unsafe ulong Above(byte* ranks, byte rank);
}
