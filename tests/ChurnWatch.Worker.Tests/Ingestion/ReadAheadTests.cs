using ChurnWatch.Worker.Ingestion;

namespace ChurnWatch.Worker.Tests.Ingestion;

public sealed class ReadAheadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(5000)]
    public void Of_AnySize_EveryItemInOrder(int count)
    {
        Assert.Equal(Enumerable.Range(0, count), ReadAhead.Of(Enumerable.Range(0, count), batchSize: 1024, batchesAhead: 2));
    }

    [Fact]
    public void Of_SourceFails_TheConsumerGetsTheSameExceptionAfterTheItemsBeforeIt()
    {
        var seen = new List<int>();

        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Of(FailAfter(10), batchSize: 3, batchesAhead: 1))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("source broke", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 9), seen); // whole batches of 3 before the failure
    }

    [Fact]
    public void Of_ConsumerStopsEarly_TheReaderStopsAndIsDoneWhenTheEnumerationEnds()
    {
        var read = 0;
        var finished = false;

        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    Interlocked.Increment(ref read);
                    yield return i;
                }
            }
            finally
            {
                finished = true;
            }
        }

        Assert.Equal([0, 1, 2], ReadAhead.Of(Endless(), batchSize: 10, batchesAhead: 2).Take(3));
        Assert.True(finished);
        Assert.InRange(Volatile.Read(ref read), 3, 50);
    }

    private static IEnumerable<int> FailAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new InvalidOperationException("source broke");
    }
}
